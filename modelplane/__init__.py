"""Modelplane: the command line and the standalone wiring of gateway and subgraphs."""

__version__ = "0.1.0"
