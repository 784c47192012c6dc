"""`python -m crawler ...` runs the same CLI as the `blogarchive` console script."""

from crawler.cli import main

if __name__ == "__main__":
    main()
