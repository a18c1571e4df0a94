"""Reading text in any common encoding; writing so that a crash never leaves half a file."""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import secrets
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from kit.errors import KitError

#: Largest file the kit reads as one article or corpus. Bigger files are almost always a mistake
#: (a video, a database dump) and would freeze a classroom kernel.
MAX_FILE_BYTES = 50 * 1024 * 1024

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: str | Path = "<text>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, or cp1252.

    Returns the text and the name of the encoding used. Raises KitError for binary data.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as e:
                raise KitError(
                    f"the file starts with a {name} byte-order mark but is not valid {name} "
                    f"(bad bytes at position {e.start})",
                    path=path,
                    fix="save it again from your editor as UTF-8",
                ) from None
    if b"\x00" in data:
        raise KitError(
            "this looks like a binary file (it contains NUL bytes), not text",
            path=path,
            fix="give the kit a .txt, .md, .html, .json or .csv file saved as text",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise KitError(
            f"the text is neither UTF-8 nor Windows-1252 (undecodable byte at position {e.start})",
            path=path,
            fix="open it in a text editor and save it as UTF-8",
        ) from None
    return text, "cp1252"


def read_bytes(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a whole regular file, refusing missing, unreadable and oversized files (and named
    pipes, devices and sockets, which could hang the kit or never end) with a KitError."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise KitError(
            "no such file", path=p, fix="check the name and the folder (spelling, extension)"
        ) from None
    except IsADirectoryError:
        raise KitError(
            "this is a folder, not a file", path=p, fix="give the path of one file"
        ) from None
    except OSError as e:
        raise KitError(f"cannot read the file ({e.strerror})", path=p) from None
    try:
        return _read_regular(fd, p, max_bytes)
    finally:
        os.close(fd)


def _read_regular(fd: int, p: Path, max_bytes: int) -> bytes:
    """The bytes of the open file `fd` (a regular file of at most `max_bytes`; KitError else)."""
    try:
        _require_regular(fd, p, max_bytes)
        chunks = []
        size = 0
        while size <= max_bytes:  # never more than the limit, even if the file grows meanwhile
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            raise _too_big(p, size, max_bytes)
        return b"".join(chunks)
    except OSError as e:
        raise KitError(f"cannot read the file ({e.strerror})", path=p) from None


class RefusedFile(KitError):
    """A file the kit will not read at all: a folder, a named pipe, a device or socket, or one
    over the size limit (as opposed to a file it read and found damaged)."""


def _require_regular(fd: int, p: Path, max_bytes: int) -> None:
    """KitError unless the open file `fd` is a regular file of at most `max_bytes` (never a
    folder, named pipe, device or socket, which would hang or make no sense to read)."""
    st = os.fstat(fd)
    if stat.S_ISDIR(st.st_mode):
        raise RefusedFile("this is a folder, not a file", path=p, fix="give the path of one file")
    if not stat.S_ISREG(st.st_mode):
        raise RefusedFile(
            "this is not a regular file (a named pipe, a device or a socket)",
            path=p,
            fix="give the path of a file saved on disk",
        )
    if st.st_size > max_bytes:
        raise _too_big(p, st.st_size, max_bytes)


def _too_big(p: Path, size: int, max_bytes: int) -> KitError:
    return RefusedFile(
        f"the file is {_mb(size)}, over the {_mb(max_bytes)} the kit reads",
        path=p,
        fix="split it into smaller files or check that it is the right file",
    )


def _mb(n: int) -> str:
    """A size in MB as the docs give them (1 MB = 1,048,576 bytes)."""
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def open_regular(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """The regular file at `path`, opened for reading in binary (for reading it streamed, as
    zips are); KitError as `read_bytes` gives for anything else or a file over `max_bytes`."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise KitError(f"cannot read the file ({e.strerror})", path=p) from None
    try:
        _require_regular(fd, p, max_bytes)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_stream(stream: Any, where: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """At most `max_bytes` from a binary stream (standard input); KitError beyond that."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise KitError(
            f"more than the {_mb(max_bytes)} the kit reads",
            path=where,
            fix="give a smaller input, or split it into several files",
        )
    return data


def read_text(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[str, str]:
    """Read and decode a text file; returns (text, encoding name). Line endings become '\\n'."""
    data = read_bytes(path, max_bytes)
    text, encoding = decode(data, path)
    return normalise_newlines(text), encoding


#: The most YAML nodes (aliases expanded) and alias uses a teacher's file may have: far more than
#: any real course, label, key or bank file, and a cap on files that aliases would blow up.
MAX_YAML_NODES = 200_000
MAX_YAML_ALIASES = 100
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
}


def parse_yaml(
    text: str,
    path: str | Path | None,
    what: str = "the file",
    fix: str = "check the indentation and the ':' on that line",
    first_line: int = 1,
) -> Any:
    """`yaml.safe_load(text)`, checked by `check_yaml_nodes` before anything is built; broken
    YAML raises a KitError naming `path`, the line and `fix`.

    `what` names the text in the message ("the label file is not valid YAML (...)");
    `first_line` is the file line the text starts on (front matter starts on line 2).
    """
    import yaml

    loader = None
    try:
        loader = yaml.SafeLoader(text)
        root = loader.get_single_node()
        if root is None:
            return None
        check_yaml_nodes(root, path, what, first_line)
        return loader.construct_document(root)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise KitError(
            f"{what} is not valid YAML ({getattr(e, 'problem', None) or e})",
            path=path,
            line=mark.line + first_line if mark else None,
            fix=fix,
        ) from None
    except RecursionError:
        raise KitError(
            f"{what} is nested too deeply", path=path, fix="a teacher's file needs a few levels"
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


def check_yaml_nodes(
    root: Any,
    path: str | Path | None,
    what: str = "the file",
    first_line: int = 1,
    fix_aliases: str = "write it out without anchors (&name) and aliases (*name)",
) -> None:
    """Refuse object and custom tags, repeated keys, aliases that refer to themselves, and
    files that aliases would blow up (a composed YAML node tree: KitError with the line).

    Aliases make the tree a graph; its expanded size (every alias counted in full) is what a
    later walk would visit, so that is what is capped.
    """
    import yaml

    def children(node: Any) -> list[Any]:
        if isinstance(node, yaml.MappingNode):
            return [n for pair in node.value for n in pair]
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        return []

    size: dict[int, int] = {}
    state: dict[int, int] = {}  # 1: on the current path, 2: done
    references = 0
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        nid = id(node)
        line = node.start_mark.line + first_line
        if finished:
            size[nid] = 1 + sum(size[id(c)] for c in children(node))
            state[nid] = 2
            if size[nid] > MAX_YAML_NODES:
                raise KitError(
                    f"{what} repeats itself too much through YAML aliases (& and *)",
                    path=path,
                    line=line,
                    fix=fix_aliases,
                )
            continue
        if state.get(nid) == 2:
            references += 1
            if references > MAX_YAML_ALIASES:
                raise KitError(
                    f"{what} uses more than {MAX_YAML_ALIASES} YAML aliases (*name)",
                    path=path,
                    line=line,
                    fix=fix_aliases,
                )
            continue
        if state.get(nid) == 1:
            raise KitError(
                "a YAML alias here refers to itself",
                path=path,
                line=line,
                fix="remove the anchor (&name) or the alias (*name)",
            )
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise KitError(
                f"the tag '{tag}' is not allowed in {what} (the kit never builds objects "
                "from a file)",
                path=path,
                line=line,
                fix="remove the tag (the word starting with !) and write plain text",
            )
        if isinstance(node, yaml.MappingNode):
            names: dict[str, int] = {}
            for k, _ in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in names and k.value != "<<":
                        raise KitError(
                            f"'{k.value}' is given twice here (first on line {names[k.value]})",
                            path=path,
                            line=k.start_mark.line + first_line,
                            fix="keep one of them",
                        )
                    names[k.value] = k.start_mark.line + first_line
        state[nid] = 1
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(children(node)))


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line endings (and Unicode line/paragraph separators) become '\\n'."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return text


def make_folder(path: str | Path) -> Path:
    """Make the folder `path` (and the folders above it) to save a file in; KitError naming it
    when that cannot be done (a file of that name is in the way, no permission)."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise KitError("this is a file, not a folder", path=p, fix="give the name of a folder")
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise KitError(
            f"cannot make this folder ({e.strerror or e})",
            path=p,
            fix="check the folder's name, and that you may write there",
        ) from None
    return p


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write text to path atomically: temp file in the same folder, fsync, rename.

    Either the old content or the new content is on disk afterwards, never a mix. Raises
    KitError (with the old file intact) when the disk is full or the folder is not writable.
    """
    atomic_write_bytes(path, text.encode("utf-8"))


# ---------------------------------------------------------------- files a teacher edits by hand

#: Files a teacher may edit (answer keys, quiz banks) carry the kit's check of what it wrote:
#: `# kit-check: <16 hex>` (YAML), `"kit-check": "<16 hex>"` (JSON). The file is as the kit
#: wrote it while the check matches its content (the check's own digits read as zeros).
CHECK = "kit-check"
_CHECK = re.compile(r'(# kit-check: |"kit-check": ")([0-9a-f]{16})')
_UNSET = "0" * 16
CHECK_NOTE = (
    "the kit wrote this file; once you change it, the kit keeps it and replaces it only when "
    "told to: overwrite=True, or --force"
)


def digest(data: bytes | str) -> str:
    """The SHA-256 of some text (as UTF-8) or bytes, in hex."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def file_digest(path: str | Path) -> str | None:
    """The digest of a file's bytes; None when there is no such file ('' when it cannot be
    read, which matches no digest)."""
    try:
        return digest(Path(path).read_bytes())
    except FileNotFoundError:
        return None
    except OSError:
        return ""


def checked(text: str) -> str:
    """`text` as the kit writes a file a teacher may edit: with the kit's check of it, in a
    comment line at the end (YAML) or a first field (a JSON object)."""
    if text.startswith("{\n"):
        marked = f'{{\n "{CHECK}": "{_UNSET}",\n' + text[2:]
    else:
        marked = (
            text + ("" if text.endswith("\n") else "\n") + f"# {CHECK}: {_UNSET} ({CHECK_NOTE})\n"
        )
    return marked.replace(_UNSET, digest(marked)[:16], 1)


def as_the_kit_wrote(text: str) -> bool:
    """Whether a file's content is as the kit wrote it (its kit-check matches it)."""
    found = _CHECK.search(text)
    if found is None:
        return False
    blank = text[: found.start(2)] + _UNSET + text[found.end(2) :]
    return digest(blank)[:16] == found.group(2)


def check_replace(
    path: str | Path,
    text: str,
    *,
    overwrite: bool,
    replace: str,
    instead: str,
    known: str | None = None,
    keep: str = "",
    kept_because: str = "",
) -> None:
    """The one rule for files a teacher may edit (answer keys, quiz banks), wherever the kit
    writes them (the notebooks' `save_key` and `Quiz.save`, `kit exercise`): a file the teacher
    changed since the kit wrote it is never replaced unless told to (`overwrite`).

    Replaced without asking: no file yet, a file that already holds the new content, a file as
    the kit wrote it (its kit-check matches), or the file as the caller loaded it (`known`, the
    digest of its bytes then). `kept_because`: a reason the caller has to keep even a file as
    the kit wrote it (a reviewed key, against a draft). Otherwise KitError naming the file, why
    it was kept, and the exact call or command to `replace` it, to save the new one `instead`
    under another name, and (`keep`) to go on with it as it is; nothing is written."""
    p = Path(path)
    if overwrite:
        return
    try:
        on_disk = p.read_bytes()
    except FileNotFoundError:
        return
    except OSError:
        on_disk = b""
    if on_disk == checked(text).encode("utf-8"):
        return
    words = on_disk.decode("utf-8", "replace")
    if kept_because:
        why = kept_because
    elif as_the_kit_wrote(words) or (known is not None and digest(on_disk) == known):
        return
    elif _CHECK.search(words):
        why = "this file has changed since the kit wrote it (edited by hand?)"
    else:
        why = "the kit did not write this file as it is now (edited by hand?)"
    ways = [f"to replace it: {replace}", f"to save the new one under another name: {instead}"]
    if keep:
        ways.append(f"or go on with yours as it is: {keep}")
    raise KitError(f"{why}, so it is kept and nothing was written", path=p, fix="; ".join(ways))


def write_edited_file(path: str | Path, text: str, **rule: Any) -> None:
    """Write `text` to `path` atomically with the kit's check (`checked`), never over a
    teacher's edits: `check_replace(path, text, **rule)` first."""
    check_replace(path, text, **rule)
    write_checked(path, text)


def write_checked(path: str | Path, text: str) -> None:
    """Write `text` atomically as a file a teacher may edit, with the kit's check (`checked`);
    for a caller that has run `check_replace` on every file it writes, before writing any."""
    atomic_write_text(path, checked(text))


#: Temporary files (`.<name>.<random>.tmp`) older than this are left over from a killed save and
#: are removed by the next save in their folder.
STALE_TEMP_SECONDS = 60

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_BY_FOLDER = os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd  # replace too


def open_folder(path: str | Path, *, follow: bool = True) -> int:
    """An open descriptor of the folder `path` to write in (close it with `os.close`).

    `follow=False` refuses a folder that is a link (KitError): what is written through the
    descriptor then stays in the real folder even if the path is swapped for a link later.
    """
    flags = os.O_RDONLY | _DIRECTORY | (0 if follow else _NOFOLLOW)
    try:
        return os.open(path, flags)
    except OSError as e:
        if e.errno in (errno.ELOOP, errno.ENOTDIR) and os.path.islink(path):
            raise KitError(
                "this folder is a link to somewhere else, and the kit does not write through links",
                path=path,
                fix="remove the link (ask your teacher), then try again",
            ) from None
        raise KitError(
            f"cannot open the folder ({e.strerror or e})",
            path=path,
            fix="check that it exists and that you may write in it",
        ) from None


def remove_stale_temps(folder_fd: int, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Remove the temporary files of killed saves (`.*.tmp`, older than `older_than` seconds)
    in an open folder; returns how many. Links and folders with such names are left alone."""
    removed = 0
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(folder_fd))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                os.unlink(name, dir_fd=folder_fd)
                removed += 1
        except OSError:
            continue
    return removed


def atomic_write_bytes(
    path: str | Path,
    data: bytes,
    *,
    sync: bool = True,
    mode: int = 0o600,
    folder_fd: int | None = None,
) -> None:
    """`atomic_write_text` for bytes. `sync=False` skips the fsyncs, for a file that the kit can
    make again (a cache): still never a mix of old and new, but a crash may lose it.

    The file gets permissions `mode` (whatever the umask). `folder_fd`: the folder, already open
    (`open_folder`), to write in; the temporary file is created there without following links
    and renamed there, so nothing is written anywhere else even if the folder's path changes
    meanwhile. Temporary files left by killed saves in that folder are removed.
    """
    p = Path(path)
    if not _BY_FOLDER:  # pragma: no cover (not POSIX)
        _atomic_write_by_path(p, data, sync, mode)
        return
    dfd = open_folder(p.parent) if folder_fd is None else folder_fd
    try:
        remove_stale_temps(dfd)
        _write_in_folder(dfd, p, data, sync, mode)
    finally:
        if folder_fd is None:
            os.close(dfd)


def _write_in_folder(dfd: int, p: Path, data: bytes, sync: bool, mode: int) -> None:
    tmp = ""
    try:
        for _ in range(100):
            tmp = f".{p.name}.{secrets.token_hex(4)}.tmp"
            try:
                fd = os.open(
                    tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode, dir_fd=dfd
                )
                break
            except FileExistsError:
                continue
        else:  # pragma: no cover
            raise FileExistsError(errno.EEXIST, "no free temporary name")
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)
            f.write(data)
            if sync:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, p.name, src_dir_fd=dfd, dst_dir_fd=dfd)
        tmp = ""
    except OSError as e:
        if tmp:
            try:
                os.unlink(tmp, dir_fd=dfd)
            except OSError:
                pass
        raise _save_failed(p, e) from None
    if sync:
        try:
            os.fsync(dfd)
        except OSError:
            pass


def _save_failed(p: Path, e: OSError) -> KitError:
    return KitError(
        f"could not save ({e.strerror or e}); the previous version is unchanged",
        path=p,
        fix="free some disk space or ask your teacher, then try again",
    )


def _atomic_write_by_path(p: Path, data: bytes, sync: bool, mode: int) -> None:  # pragma: no cover
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if sync:
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise _save_failed(p, e) from None
