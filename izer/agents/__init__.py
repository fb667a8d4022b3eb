"""Reference agents: the HTTP agents the dev stack and the tests route messages to."""
