from mlprep.launch import main

main()
