"""The bundle's entry point: the same as the installed ``hzmap`` command (hzmap.cli.main.main)."""
import sys

from hzmap.cli.main import main

if __name__ == "__main__":
    from hzmap.model.files import isolated

    if sys.argv[1:2] == [isolated.WORKER_ARG]:  # the reader process (hzmap.model.files.isolated)
        isolated.main()
        sys.exit(0)
    sys.exit(main())
