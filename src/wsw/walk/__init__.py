"""The walk: answer values, conditions, the Session state machine and the engine loop."""
