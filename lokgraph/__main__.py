"""`python -m lokgraph` runs the command line."""

from .console import main

if __name__ == "__main__":  # importing it (pytest's doctest collection) runs nothing
    main()
