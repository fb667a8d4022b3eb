"""`make bench`: the pipeline's throughput, latency, correctness and memory, measured on loopback."""
