"""Fault localizers: things that name the lines most likely to hold a fault."""
