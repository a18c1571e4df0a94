"""Answer keys and feedback on a student's work: the public face (`kit.work.keys.save_key` ...).

What a key is and how a key file reads: kit.work.key_format. Where keys are kept, finding and
saving them: kit.work.key_files. Comparing a student's work with a key, in plain words:
kit.work.feedback. Every name they offer is imported from here as before.
"""

from kit.work.feedback import MAX_LENGTH_RATIO as MAX_LENGTH_RATIO
from kit.work.feedback import MIN_OVERLAP as MIN_OVERLAP
from kit.work.feedback import Feedback as Feedback
from kit.work.feedback import Match as Match
from kit.work.feedback import compare as compare
from kit.work.feedback import with_sources as with_sources
from kit.work.key_files import KEY_SUFFIX as KEY_SUFFIX
from kit.work.key_files import KEY_SUFFIXES as KEY_SUFFIXES
from kit.work.key_files import KEYS_FOLDER as KEYS_FOLDER
from kit.work.key_files import SEALED_SUFFIX as SEALED_SUFFIX
from kit.work.key_files import answer_key as answer_key
from kit.work.key_files import key_path as key_path
from kit.work.key_files import key_text as key_text
from kit.work.key_files import save_key as save_key
from kit.work.key_files import unreviewed as unreviewed
from kit.work.key_format import SUGGESTIONS as SUGGESTIONS
from kit.work.key_format import Key as Key
from kit.work.key_format import KeyItem as KeyItem
from kit.work.key_format import key_from_attributions as key_from_attributions
from kit.work.key_format import load_key as load_key
from kit.work.key_format import parse_key as parse_key
