from penetapan_cli.launch import main

main()
