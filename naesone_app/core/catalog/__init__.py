"""Programme catalogue formats: native YAML rules and the Gov24 v3 import."""
