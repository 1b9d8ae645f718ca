"""Actions: one function per thing a resident, an officer or a job does.

Each takes who is acting and what they asked for and, in one transaction, checks they may (rules in
core), changes the data (db), writes the audit row and records the notice. States, the CLI and the jobs
call these; only actions (and the deliverer) may use `integrations`.
"""
