from mlprep.cli.launch import main

main()
