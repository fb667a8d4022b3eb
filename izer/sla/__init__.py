"""Response-time policy: business hours, holidays and deadlines."""
