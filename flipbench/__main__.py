from flipbench.cli import main

raise SystemExit(main())
