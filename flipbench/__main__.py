from flipbench.cli import main

if __name__ == "__main__":  # not when a worker process (spawned) re-imports the main module
    raise SystemExit(main())
