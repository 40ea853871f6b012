"""The command line: `hzmap` and its subcommands, one module each."""
