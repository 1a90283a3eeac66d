"""The IVR's media side: pjsua2 worker processes (worker.py) that answer the IVR legs the switch sends them, play
prompts and read DTMF; the calling-card flow they run (card_flow.py, pure); the pool inside the service that starts
them and picks one for each leg (pool.py)."""
