"""The survey sheets (照会票) of the yearly evaluation: exported to the divisions, read back into the plan."""
