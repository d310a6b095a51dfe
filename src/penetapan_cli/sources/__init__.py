"""What the core is given from outside: the holidays package and its cache, rule files, closures."""
