"""Rating, balances, packages, taxes and fees: pure billing rules with no I/O."""
