"""``python -m arclean``: the same as the ``arclean`` command."""

from arclean.cli import main

if __name__ == "__main__":
    main()
