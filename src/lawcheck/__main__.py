from lawcheck.cli import main

main()
