import sys
from pathlib import Path

# the fixture generators live next to the tests (chat_fixtures.py)
sys.path.insert(0, str(Path(__file__).resolve().parent))
