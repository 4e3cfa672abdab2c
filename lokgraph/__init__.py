"""lokgraph."""
