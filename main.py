"""Launch the hipmap window: python main.py"""

import sys

from hipmap.ui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
