"""`python -m lokgraph` runs the command line."""

from .cli import main

main()
