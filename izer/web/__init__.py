"""The team's dashboard: server-rendered pages with a small script, charts shipped with the project."""
