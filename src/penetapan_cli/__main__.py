from penetapan_cli.cli import main

main()
