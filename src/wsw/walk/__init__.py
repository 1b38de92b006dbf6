"""The walk: the Session state machine, its conditions, and the engine loop with its askers."""
