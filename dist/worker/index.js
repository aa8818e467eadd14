import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 877:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ PARTITION_TASK)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _readers_csv_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(312);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(787);
// The entry of dist/worker/index.js: a small bundle that validates one byte range of a CSV on another
// core (see parallel.ts). It loads only the CSV reader and the validator, so it starts in tens of
// milliseconds instead of loading the whole action.



const PARTITION_TASK = 'ml-smoke-csv-partition';
const task = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData;
if (!node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && task?.task === PARTITION_TASK) {
    const result = await (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .validateRows */ .IG)(task.schema, task.options, sink => (0,_readers_csv_js__WEBPACK_IMPORTED_MODULE_1__/* .readCsvTable */ .$)(task.file, task.options, sink));
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage(result);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 312:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  $: () => (/* binding */ readCsvTable)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/data/text-chunks.ts

/**
 * Files are read 256 KiB at a time and parsed 16 KiB at a time. Measured on CSV validation here: 16 KiB
 * pieces ran 6 % faster than 64 KiB (the text stays in the CPU cache; 8 KiB was much slower), and reading
 * 256 KiB ahead instead of 16 KiB saved another 11 % of waiting for the I/O threads.
 */
const READ_BYTES = 256 * 1024;
const CHUNK_BYTES = 16 * 1024;
/** A read buffer as pieces of CHUNK_BYTES. */
function* piecesOf(read) {
    for (let at = 0; at < read.length; at += CHUNK_BYTES)
        yield read.subarray(at, Math.min(read.length, at + CHUNK_BYTES));
}
/**
 * Decodes a file, read in chunks, as UTF-8 text, fast. An ASCII chunk is its own Latin-1 text (several
 * times faster than TextDecoder) unless the decoder still holds part of a character from the chunk before.
 * The BOM is dropped only at the start of the file: the decoder may first see a later chunk.
 *
 * A reader that has not finished the end of a text (half a record) says how many characters it holds
 * (`hold`). If they came from an ASCII chunk, they are decoded again in front of the next ASCII chunk
 * (`carried` is then true), so the reader gets one flat string instead of a concatenation, which V8 reads
 * about 1.5x slower per character. Bytes that are not UTF-8 end the text with a problem at their line.
 */
class Utf8Chunks {
    atFileStart;
    decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    idle = true;
    lastLatin1 = null;
    held = null;
    joined = Buffer.allocUnsafe(0); // reused: the text made from it is a copy
    /** Whether the last text begins with the held characters. */
    carried = false;
    /** Why the last decode or end returned null. */
    problem = null;
    /** Line breaks (LF) in the chunks decoded so far: where a bad byte is, is counted from here. */
    lines = 0;
    constructor(atFileStart) {
        this.atFileStart = atFileStart;
    }
    /** The text of the next chunk, or null when its bytes are not UTF-8 (`problem` says where). */
    decode(chunk) {
        const text = this.decodeText(chunk);
        for (let k = chunk.indexOf(0x0a); k !== -1; k = chunk.indexOf(0x0a, k + 1))
            this.lines++;
        return text;
    }
    decodeText(chunk) {
        const ascii = (0,external_node_buffer_namespaceObject.isAscii)(chunk);
        let text;
        this.carried = false;
        if (ascii && this.idle) {
            let bytes = chunk;
            if (this.held !== null) {
                const length = this.held.length + chunk.length;
                if (this.joined.length < length)
                    this.joined = Buffer.allocUnsafe(length);
                this.held.copy(this.joined);
                chunk.copy(this.joined, this.held.length);
                bytes = this.joined.subarray(0, length);
                this.carried = true;
            }
            text = bytes.toString('latin1');
            this.lastLatin1 = bytes;
        }
        else {
            try {
                text = this.decoder.decode(chunk, { stream: true });
            }
            catch {
                this.problem = invalidUtf8Problem(chunk, this.lines);
                return null;
            }
            this.lastLatin1 = null;
        }
        this.idle = ascii;
        this.held = null;
        if (this.atFileStart) {
            this.atFileStart = false;
            if (text.charCodeAt(0) === 0xfeff)
                text = text.slice(1);
        }
        return text;
    }
    /** The reader still holds the last `characters` of the text so far. */
    hold(characters) {
        const last = this.lastLatin1;
        this.held =
            last !== null && characters > 0 && characters <= last.length
                ? Buffer.from(last.subarray(last.length - characters))
                : null;
    }
    /** Whatever the decoder still holds at the end of the file, or null if that is half a character. */
    end() {
        try {
            return this.decoder.decode();
        }
        catch {
            this.problem = truncatedUtf8Problem(this.lines);
            return null;
        }
    }
}
/** Byte offset of the first byte that is not valid UTF-8, or -1; an incomplete tail sequence is fine. */
function findInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (b >= 0xc2 && b <= 0xdf) {
            need = 1;
            min = 0x80;
        }
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            min = 0x800;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            min = 0x10000;
        }
        else
            return i;
        let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
        for (let k = 1; k <= need; k++) {
            if (i + k >= bytes.length)
                return -1;
            const c = bytes[i + k];
            if ((c & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return -1;
}
/** The problem for a chunk that does not decode: the first bad byte and the line it is on. */
function invalidUtf8Problem(chunk, linesBefore) {
    const found = findInvalidUtf8(chunk);
    if (found === -1) {
        // The chunk itself is fine: the one before ended in the middle of a character.
        return {
            code: 'invalid-utf8',
            line: linesBefore + 1,
            message: `a UTF-8 character on line ${linesBefore + 1} is cut off (a lead byte with too few continuation bytes); the file looks like another encoding (Latin-1 or Windows-1252?): save it as UTF-8`
        };
    }
    const offset = found;
    let line = linesBefore + 1;
    for (let k = 0; k < offset; k++)
        if (chunk[k] === 0x0a || (chunk[k] === 0x0d && chunk[k + 1] !== 0x0a))
            line++;
    const byte = chunk[offset].toString(16).toUpperCase().padStart(2, '0');
    return {
        code: 'invalid-utf8',
        line,
        message: `byte 0x${byte} on line ${line} is not valid UTF-8; the file looks like another encoding (Latin-1 or Windows-1252?): save it as UTF-8`
    };
}
/** The problem for a file that ends in the middle of a character. */
function truncatedUtf8Problem(linesBefore) {
    return {
        code: 'invalid-utf8',
        line: linesBefore + 1,
        message: `the file ends in the middle of a UTF-8 character on line ${linesBefore + 1}; it is truncated or not UTF-8`
    };
}

;// CONCATENATED MODULE: ./src/data/csv.ts


/**
 * One CSV record with where it came from. The tokenizer reuses one record for every row and keeps each cell
 * as a range of the text it read, so a row costs no allocation until someone asks for a cell's string:
 * read it inside the callback, or copy `fields`.
 */
class CsvRecord {
    count = 0;
    source = '';
    starts = new Int32Array(16);
    ends = new Int32Array(16);
    /** Cells whose text is not their source range (doubled quotes, text after a quote), by index. */
    escapes = [];
    escapedCount = 0;
    /** Physical line (1-based) where the record starts. */
    line = 1;
    /** Line where each field starts; null when the whole record sits on one line. */
    fieldLines = null;
    /** Physical line where the record ends (differs from `line` when a quoted field holds newlines). */
    endLine = 1;
    /** The record's exact source text without its line terminator (only with `keepRaw`). */
    raw = '';
    cell(index) {
        const escaped = this.escapedCount ? this.escapes[index] : undefined;
        return escaped ?? this.source.slice(this.starts[index], this.ends[index]);
    }
    escapedAt(index) {
        return this.escapedCount ? this.escapes[index] : undefined;
    }
    /** Every cell as a new array of strings. */
    get fields() {
        const fields = new Array(this.count);
        for (let k = 0; k < this.count; k++)
            fields[k] = this.cell(k);
        return fields;
    }
    reset(source, line) {
        if (this.escapedCount) {
            this.escapes.length = 0;
            this.escapedCount = 0;
        }
        this.source = source;
        this.count = 0;
        this.line = line;
        this.fieldLines = null;
    }
    add(start, end, escaped) {
        const k = this.count;
        if (k === this.starts.length) {
            const starts = new Int32Array(k * 2);
            const ends = new Int32Array(k * 2);
            starts.set(this.starts);
            ends.set(this.ends);
            this.starts = starts;
            this.ends = ends;
        }
        this.starts[k] = start;
        this.ends[k] = end;
        if (escaped !== undefined) {
            this.escapes[k] = escaped;
            this.escapedCount++;
        }
        this.count = k + 1;
    }
}
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/**
 * A strict RFC 4180 tokenizer that is fed text in chunks. It tracks physical lines as it goes, keeps
 * quoted delimiters, doubled quotes and newlines intact, and reports malformed quoting instead of guessing.
 * (Measured: udsv silently merges or drops rows on these inputs and csv-parse with line info is ~3x slower;
 * see README "Why a own tokenizer".)
 */
class CsvTokenizer {
    options;
    onRecord;
    onProblem;
    buffer = '';
    line = 1;
    stopped = false;
    delimiter;
    record = new CsvRecord();
    constructor(options, onRecord, onProblem) {
        this.options = options;
        this.onRecord = onRecord;
        this.onProblem = onProblem;
        const problem = delimiterProblem(options.delimiter);
        if (problem)
            throw new Error(`delimiter ${JSON.stringify(options.delimiter)}: ${problem}`);
        this.delimiter = options.delimiter.charCodeAt(0);
    }
    get isStopped() {
        return this.stopped;
    }
    /** Text of a record not finished yet (a partition that ends inside a record has some). */
    get pendingLength() {
        return this.buffer.length;
    }
    /** Physical lines read so far (the next record starts on this line). */
    get currentLine() {
        return this.line;
    }
    push(text) {
        this.buffer = this.buffer.length ? this.buffer + text : text;
        this.parse(false);
    }
    /** Like push, for text that already begins with the unfinished record (`pendingLength` characters). */
    pushJoined(text) {
        this.buffer = text;
        this.parse(false);
    }
    finish() {
        this.parse(true);
        this.buffer = '';
    }
    /** Parses every complete record in the buffer; an incomplete tail waits for more text unless `final`. */
    parse(final) {
        const buf = this.buffer;
        const len = buf.length;
        const delimiter = this.delimiter;
        const delimiterText = this.options.delimiter;
        const record = this.record;
        // Where the next delimiter, LF and CR are (len: none left), found with native indexOf, which scans
        // several times faster than a charCodeAt loop; each is searched again only once passed.
        let nextDelimiter = -1;
        let nextLF = -1;
        let nextCR = -1;
        let pos = 0;
        while (pos < len && !this.stopped) {
            const recordStart = pos;
            const startLine = this.line;
            let line = startLine;
            record.reset(buf, startLine);
            // Allocated only for a record that has one: this loop runs once per row of millions.
            let problems = null;
            let i = pos;
            let complete = false;
            let incomplete = false;
            for (;;) {
                const fieldLine = line;
                let start;
                let end;
                let escaped;
                if (i < len && buf.charCodeAt(i) === QUOTE) {
                    let j = i + 1;
                    let closed = -1;
                    for (;;) {
                        const q = buf.indexOf('"', j);
                        if (q === -1)
                            break;
                        if (q + 1 < len && buf.charCodeAt(q + 1) === QUOTE) {
                            escaped = (escaped ?? '') + buf.slice(j, q + 1);
                            j = q + 2;
                            continue;
                        }
                        if (q + 1 >= len && !final)
                            break; // the next chunk may start with a second quote
                        closed = q;
                        break;
                    }
                    if (closed === -1) {
                        if (!final) {
                            incomplete = true;
                            break;
                        }
                        this.onProblem({
                            code: 'unterminated-quote',
                            line: fieldLine,
                            fieldNumber: record.count + 1,
                            message: `a quoted field opened on line ${fieldLine} is never closed; the rest of the file (from line ${fieldLine}) cannot be read as records`
                        });
                        this.stopped = true;
                        return;
                    }
                    if (escaped !== undefined)
                        escaped += buf.slice(j, closed);
                    start = i + 1;
                    end = closed;
                    if (nextLF < i)
                        nextLF = indexOrLength(buf, '\n', i);
                    if (nextCR < i)
                        nextCR = indexOrLength(buf, '\r', i);
                    if (nextLF < closed || nextCR < closed)
                        line += countLineBreaks(buf, i, closed);
                    i = closed + 1;
                    if (i < len) {
                        const next = buf.charCodeAt(i);
                        if (next !== delimiter && next !== LF && next !== CR) {
                            let after = i;
                            while (after < len) {
                                const c = buf.charCodeAt(after);
                                if (c === delimiter || c === LF || c === CR)
                                    break;
                                after++;
                            }
                            if (after >= len && !final) {
                                incomplete = true;
                                break;
                            }
                            ;
                            (problems ??= []).push({
                                code: 'text-after-quote',
                                line,
                                fieldNumber: record.count + 1,
                                message: `text ${JSON.stringify(buf.slice(i, Math.min(after, i + 20)))} follows the closing quote of field ${record.count + 1}; quote the whole field and double any quote inside it`
                            });
                            escaped = (escaped ?? buf.slice(start, end)) + buf.slice(i, after);
                            i = after;
                        }
                    }
                }
                else {
                    start = i;
                    if (nextDelimiter < i)
                        nextDelimiter = indexOrLength(buf, delimiterText, i);
                    if (nextLF < i)
                        nextLF = indexOrLength(buf, '\n', i);
                    if (nextCR < i)
                        nextCR = indexOrLength(buf, '\r', i);
                    i = nextDelimiter < nextLF ? nextDelimiter : nextLF;
                    if (nextCR < i)
                        i = nextCR;
                    if (i >= len && !final) {
                        incomplete = true;
                        break;
                    }
                    end = i;
                }
                record.add(start, end, escaped);
                if (line !== startLine || record.fieldLines) {
                    record.fieldLines ??= Array.from({ length: record.count - 1 }, () => startLine);
                    record.fieldLines.push(fieldLine);
                }
                if (i >= len) {
                    complete = true;
                    break;
                }
                const c = buf.charCodeAt(i);
                if (c === delimiter) {
                    i++;
                    continue;
                }
                // A lone CR at the very end of a chunk may be the first half of CRLF.
                if (c === CR && i + 1 >= len && !final) {
                    incomplete = true;
                    break;
                }
                const rawEnd = i;
                i += c === CR && buf.charCodeAt(i + 1) === LF ? 2 : 1;
                line++;
                this.emit(line - 1, buf, recordStart, rawEnd, problems);
                complete = false;
                pos = i;
                break;
            }
            if (incomplete) {
                this.line = startLine;
                this.buffer = buf.slice(recordStart);
                return;
            }
            if (complete) {
                this.emit(line, buf, recordStart, len, problems);
                pos = len;
            }
            else {
                this.line = line;
            }
        }
        this.buffer = '';
    }
    emit(endLine, buf, start, end, problems) {
        this.line = endLine + 1;
        if (problems)
            for (const problem of problems)
                this.onProblem(problem);
        const record = this.record;
        record.endLine = endLine;
        record.raw = this.options.keepRaw ? buf.slice(start, end) : '';
        if (this.onRecord(record) === false)
            this.stopped = true;
    }
}
/** Why a string cannot separate CSV fields, or null when it can (the one rule for inputs, flags and the tokenizer). */
function delimiterProblem(delimiter) {
    if (delimiter.length !== 1)
        return 'expected one character';
    if (delimiter === '"' || delimiter === '\n' || delimiter === '\r')
        return 'a quote or a line break cannot separate fields';
    return null;
}
function indexOrLength(buf, search, from) {
    const at = buf.indexOf(search, from);
    return at === -1 ? buf.length : at;
}
/** Line breaks (LF, CRLF or a lone CR, as editors count them) in buf[from, to). */
function countLineBreaks(buf, from, to) {
    let count = 0;
    for (let k = from; k < to; k++) {
        const c = buf.charCodeAt(k);
        if (c === LF || (c === CR && buf.charCodeAt(k + 1) !== LF))
            count++;
    }
    return count;
}
/**
 * Streams a CSV file through the tokenizer piece by piece (see READ_BYTES). Invalid UTF-8 stops reading with a problem
 * at the line where the bad byte is (the rest of the file cannot be decoded reliably).
 */
async function readCsvFile(file, options, onRecord, onProblem) {
    const tokenizer = new CsvTokenizer(options, onRecord, onProblem);
    const chunks = new Utf8Chunks(!options.start);
    const stream = (0,external_node_fs_namespaceObject.createReadStream)(file, {
        highWaterMark: READ_BYTES,
        start: options.start,
        end: options.end === undefined ? undefined : options.end - 1
    });
    let lineEnding;
    try {
        for await (const read of stream)
            for (const chunk of piecesOf(read)) {
                const text = chunks.decode(chunk);
                if (text === null) {
                    onProblem(chunks.problem);
                    return { lineEnding: lineEnding ?? '\n' };
                }
                if (lineEnding === undefined) {
                    const lf = text.indexOf('\n');
                    if (lf !== -1)
                        lineEnding = lf > 0 && text.charCodeAt(lf - 1) === CR ? '\r\n' : '\n';
                }
                if (chunks.carried)
                    tokenizer.pushJoined(text);
                else
                    tokenizer.push(text);
                if (tokenizer.isStopped)
                    return { lineEnding: lineEnding ?? '\n' };
                chunks.hold(tokenizer.pendingLength);
            }
        const tail = chunks.end();
        if (tail === null) {
            onProblem(chunks.problem);
            return { lineEnding: lineEnding ?? '\n' };
        }
        if (tail)
            tokenizer.push(tail);
        if (options.end !== undefined) {
            // A partition: a record cut by the range end belongs to the next partition, which reads it again.
            return {
                lineEnding: lineEnding ?? '\n',
                linesRead: tokenizer.currentLine - 1,
                endedBetweenRecords: tokenizer.pendingLength === 0
            };
        }
        tokenizer.finish();
    }
    finally {
        stream.destroy();
    }
    return { lineEnding: lineEnding ?? '\n' };
}

;// CONCATENATED MODULE: ./src/data/readers/csv.ts

/** CSV/TSV: the first record is the header; cells stay text, cast later by the schema. */
async function readCsvTable(file, options, sink) {
    let header = true;
    const partition = options.partition;
    if (partition?.header) {
        sink.header(partition.header);
        header = false;
    }
    return readCsvFile(file, {
        delimiter: options.delimiter,
        keepRaw: options.keepRaw === true,
        start: partition?.start,
        end: partition?.end
    }, record => {
        if (header) {
            header = false;
            sink.header(record.fields, record.line, options.keepRaw ? record.raw : undefined);
            return true;
        }
        // A CsvRecord already has the shape of a RowPosition (raw is '' unless keepRaw): no copy per row.
        return sink.textRow ? sink.textRow(record, record) : sink.row(record.fields, record);
    }, problem => sink.problem(problem));
}


/***/ }),

/***/ 787:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  IG: () => (/* binding */ validateRows)
});

// UNUSED EXPORTS: datasetChecks, describePosition

;// CONCATENATED MODULE: ./src/errors.ts
/**
 * A problem the user can fix: a bad input, a missing file, a malformed schema.
 * It carries everything needed for a clear one-line message and never a stack trace.
 */
class errors_UserError extends Error {
    file;
    line;
    hint;
    constructor(message, options = {}) {
        super(message);
        this.name = 'UserError';
        this.file = options.file;
        this.line = options.line;
        this.hint = options.hint;
    }
}
function describeError(error) {
    if (error instanceof errors_UserError) {
        return error.hint ? `${error.message}\nHint: ${error.hint}` : error.message;
    }
    if (error instanceof Error)
        return `internal error: ${error.message} (please report this)`;
    return `internal error: ${String(error)}`;
}

;// CONCATENATED MODULE: ./src/data/fields.ts

const MISSING = Symbol('missing');
/** The value of a text cell that no check and no caller reads: its string is never made. */
const UNREAD_TEXT = Symbol('unread text');
const INVALID = Symbol('invalid');
/** [+-]digits — a hand-written scan: this runs once per cell of millions of rows, faster than a regex. */
function isInteger(text) {
    const length = text.length;
    let i = 0;
    const first = text.charCodeAt(0);
    if (first === 43 || first === 45)
        i = 1;
    if (i === length)
        return false;
    for (; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57)
            return false;
    }
    return true;
}
// 10^0 .. 10^22 are exact doubles.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** An integer cell read in place; more than 15 digits go through Number() to stay exact. */
function integerInRange(source, start, end) {
    if (start === end)
        return INVALID;
    let i = start;
    const first = source.charCodeAt(i);
    if (first === 43 || first === 45)
        i++;
    if (i === end)
        return INVALID;
    if (end - i > 15) {
        const text = source.slice(start, end);
        return isInteger(text) ? Number(text) : INVALID;
    }
    let value = 0;
    for (; i < end; i++) {
        const digit = source.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9)
            return INVALID;
        value = value * 10 + digit;
    }
    return first === 45 ? -value : value;
}
/**
 * A number cell read in place. Up to 15 digits without an exponent, digits / 10^fraction is one correctly
 * rounded division of exact doubles, so it equals Number(text). Longer digit strings go through Number()
 * (about 110 ns each here), unless `approximate`: then up to 40 digits are summed in doubles, within a
 * relative 1e-14 of the exact value (see APPROXIMATION_MARGIN).
 */
function numberInRange(source, start, end, approximate = false) {
    const length = end - start;
    if (length === 0)
        return INVALID;
    let i = start;
    let c = source.charCodeAt(i);
    if (length <= 4 && (c === 78 || c === 73 || c === 43 || c === 45)) {
        const word = source.slice(start, end);
        if (Object.hasOwn(SPECIAL_NUMBERS, word))
            return SPECIAL_NUMBERS[word];
    }
    const negative = c === 45;
    if (c === 43 || c === 45)
        i++;
    let mantissa = 0;
    let digits = 0;
    let fraction = 0;
    for (; i < end; i++) {
        c = source.charCodeAt(i);
        if (c < 48 || c > 57)
            break;
        mantissa = mantissa * 10 + (c - 48);
        digits++;
    }
    if (i < end && c === 46) {
        for (i++; i < end; i++) {
            c = source.charCodeAt(i);
            if (c < 48 || c > 57)
                break;
            mantissa = mantissa * 10 + (c - 48);
            digits++;
            fraction++;
        }
    }
    if (digits === 0)
        return INVALID;
    if (i === end) {
        if (digits > 15 && !(approximate && digits <= 40 && fraction <= 22))
            return Number(source.slice(start, end));
        const value = fraction ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
        return negative ? -value : value;
    }
    if (c !== 101 && c !== 69)
        return INVALID;
    i++;
    c = source.charCodeAt(i);
    if (i < end && (c === 43 || c === 45))
        i++;
    const exponentStart = i;
    for (; i < end; i++) {
        c = source.charCodeAt(i);
        if (c < 48 || c > 57)
            return INVALID;
    }
    return i > exponentStart ? Number(source.slice(start, end)) : INVALID;
}
/** Two or four ASCII digits at `at` as a number, or -1. */
function digitsAt(source, at, count) {
    let value = 0;
    for (let k = at; k < at + count; k++) {
        const digit = source.charCodeAt(k) - 48;
        if (digit < 0 || digit > 9)
            return -1;
        value = value * 10 + digit;
    }
    return value;
}
/** YYYY-MM-DD, read in place. */
function isoDateInRange(source, start, end) {
    if (end - start !== 10 ||
        source.charCodeAt(start + 4) !== 45 ||
        source.charCodeAt(start + 7) !== 45)
        return INVALID;
    const year = digitsAt(source, start, 4);
    const month = digitsAt(source, start + 5, 2);
    const day = digitsAt(source, start + 8, 2);
    return year < 0 || month < 0 || day < 0 ? INVALID : utc(year, month, day);
}
/** Whether `source[start, end)` is one of `words`, with no string made. */
function rangeIsOneOf(words, source, start, end) {
    const length = end - start;
    for (let k = 0; k < words.length; k++)
        if (words[k].length === length && source.startsWith(words[k], start))
            return true;
    return false;
}
const SPECIAL_NUMBERS = {
    NaN: NaN,
    INF: Infinity,
    '+INF': Infinity,
    '-INF': -Infinity
};
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const YEARMONTH = /^(\d{4})-(\d{2})$/;
const DURATION = /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const GEOJSON_TYPES = new Set([
    'Point',
    'MultiPoint',
    'LineString',
    'MultiLineString',
    'Polygon',
    'MultiPolygon',
    'GeometryCollection',
    'Feature',
    'FeatureCollection'
]);
const DAY_MS = 86_400_000;
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): no Date objects. */
function daysFromCivil(year, month, day) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
/** Milliseconds since 1970 for a valid calendar date and time, else INVALID. */
function utc(year, month, day, hour = 0, minute = 0, second = 0, ms = 0) {
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60)
        return INVALID;
    const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0))
        return INVALID;
    return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Python strptime directives; anything else in a format is matched literally. */
const DIRECTIVES = {
    '%Y': { pattern: '(\\d{4})', part: 'year' },
    '%y': { pattern: '(\\d{2})', part: 'year2' },
    '%m': { pattern: '(\\d{1,2})', part: 'month' },
    '%d': { pattern: '(\\d{1,2})', part: 'day' },
    '%H': { pattern: '(\\d{1,2})', part: 'hour' },
    '%M': { pattern: '(\\d{1,2})', part: 'minute' },
    '%S': { pattern: '(\\d{1,2})', part: 'second' },
    '%f': { pattern: '(\\d{1,6})', part: 'fraction' },
    '%b': { pattern: '([A-Za-z]{3})', part: 'monthName' },
    '%%': { pattern: '%', part: '' }
};
/** A strptime-style pattern as a caster to epoch milliseconds. */
function strptime(format, where) {
    const parts = [];
    let source = '';
    for (let i = 0; i < format.length; i++) {
        const directive = DIRECTIVES[format.slice(i, i + 2)];
        if (format[i] === '%' && directive) {
            source += directive.pattern;
            if (directive.part)
                parts.push(directive.part);
            i++;
        }
        else if (format[i] === '%') {
            throw new errors_UserError(`${where}.format: unsupported directive "${format.slice(i, i + 2)}" (supported: ${Object.keys(DIRECTIVES).join(' ')})`);
        }
        else
            source += escapeRegExp(format[i]);
    }
    const regex = new RegExp(`^${source}$`);
    return text => {
        const match = regex.exec(text);
        if (!match)
            return INVALID;
        const v = {
            year: 1900,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            ms: 0
        };
        parts.forEach((part, index) => {
            const raw = match[index + 1];
            if (part === 'year2')
                v.year = +raw < 69 ? 2000 + +raw : 1900 + +raw;
            else if (part === 'monthName')
                v.month = MONTHS.indexOf(raw.toLowerCase()) + 1;
            else if (part === 'fraction')
                v.ms = Math.round(+`0.${raw}` * 1000);
            else
                v[part] = +raw;
        });
        return utc(v.year, v.month, v.day, v.hour, v.minute, v.second, v.ms);
    };
}
function dateLike(field, where, kind) {
    const format = field.format ?? 'default';
    let fromText;
    if (format === 'default') {
        fromText =
            kind === 'date'
                ? text => isoDateInRange(text, 0, text.length)
                : kind === 'time'
                    ? text => {
                        const m = ISO_TIME.exec(text);
                        return m && +m[1] < 24 && +m[2] < 60 && +m[3] < 61
                            ? (+m[1] * 3600 + +m[2] * 60 + +m[3]) * 1000
                            : INVALID;
                    }
                    : text => {
                        const m = ISO_DATETIME.exec(text);
                        if (!m)
                            return INVALID;
                        const local = utc(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], m[7] ? Math.round(+m[7] * 1000) : 0);
                        if (local === INVALID)
                            return INVALID;
                        const zone = m[8];
                        if (!zone || zone === 'Z')
                            return local;
                        const sign = zone[0] === '-' ? -1 : 1;
                        const digits = zone.slice(1).replace(':', '');
                        return local - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
                    };
    }
    else if (format === 'any') {
        fromText = text => {
            const time = Date.parse(kind === 'time' ? `1970-01-01T${text}Z` : text);
            return Number.isNaN(time) ? INVALID : time;
        };
    }
    else {
        fromText = strptime(format.replace(/^fmt:/, ''), where);
    }
    const expected = `${kind === 'date' ? 'a date' : kind === 'time' ? 'a time' : 'a datetime'}${format === 'default' ? (kind === 'date' ? ' as YYYY-MM-DD' : kind === 'time' ? ' as HH:MM:SS' : ' as YYYY-MM-DDTHH:MM:SS[Z]') : format === 'any' ? '' : ` as ${format}`}`;
    return {
        expected,
        fromText,
        rangeCast: format === 'default' && kind === 'date' ? 'iso-date' : undefined,
        fromNative: value => {
            if (value instanceof Date) {
                const time = value.getTime();
                if (Number.isNaN(time))
                    return INVALID;
                return kind === 'date'
                    ? Math.floor(time / DAY_MS) * DAY_MS
                    : kind === 'time'
                        ? time % DAY_MS
                        : time;
            }
            return INVALID;
        },
        show: (_value, text) => text
    };
}
function numeric(field, integer) {
    const plain = field.bareNumber !== false &&
        !field.groupChar &&
        (!field.decimalChar || field.decimalChar === '.');
    const normalise = plain
        ? (text) => text
        : (text) => {
            let out = text;
            if (field.bareNumber === false)
                out = out.replace(/^[^\d+\-.]+|[^\d.]+$/g, '');
            if (field.groupChar)
                out = out.split(field.groupChar).join('');
            if (field.decimalChar && field.decimalChar !== '.')
                out = out.replace(field.decimalChar, '.');
            return out;
        };
    // The same scans as cells read in place; special words are looked up before a bare-number strip.
    const fromText = integer
        ? text => {
            const normal = normalise(text);
            return integerInRange(normal, 0, normal.length);
        }
        : text => {
            if (Object.hasOwn(SPECIAL_NUMBERS, text))
                return SPECIAL_NUMBERS[text];
            const normal = normalise(text);
            return numberInRange(normal, 0, normal.length);
        };
    return {
        expected: integer ? 'an integer' : 'a number',
        fromText,
        rangeCast: plain ? (integer ? 'integer' : 'number') : undefined,
        fromNative: value => {
            if (typeof value === 'bigint')
                return Number(value);
            if (typeof value === 'number')
                return integer && !Number.isInteger(value) ? INVALID : value;
            return INVALID;
        },
        show: value => String(value)
    };
}
/** Text that parses as JSON and is the right kind of value. */
function jsonText(fits) {
    return text => {
        try {
            const value = JSON.parse(text);
            return fits(value) ? value : INVALID;
        }
        catch {
            return INVALID;
        }
    };
}
function json(kind) {
    const fits = (value) => kind === 'array'
        ? Array.isArray(value)
        : typeof value === 'object' && value !== null && !Array.isArray(value);
    const fromText = jsonText(fits);
    return {
        expected: kind === 'object' ? 'a JSON object' : 'a JSON array',
        fromText,
        fromNative: value => (fits(value) ? value : INVALID),
        show: (_value, text) => text
    };
}
function caster(field, where) {
    const native = (accepts) => value => accepts(value) ? value : INVALID;
    switch (field.type) {
        case 'integer':
            return numeric(field, true);
        case 'number':
            return numeric(field, false);
        case 'boolean': {
            const trueValues = field.trueValues ?? ['true', 'True', 'TRUE', '1'];
            const falseValues = field.falseValues ?? ['false', 'False', 'FALSE', '0'];
            const fromText = text => trueValues.includes(text) ? true : falseValues.includes(text) ? false : INVALID;
            return {
                expected: `a boolean (${[...trueValues, ...falseValues].join(', ')})`,
                fromText,
                rangeCast: 'boolean',
                words: { trueValues, falseValues },
                fromNative: native(value => typeof value === 'boolean'),
                show: value => String(value)
            };
        }
        case 'date':
        case 'datetime':
        case 'time':
            return dateLike(field, where, field.type);
        case 'year': {
            const fromText = text => (/^\d{4}$/.test(text) ? Number(text) : INVALID);
            return {
                expected: 'a year as YYYY',
                fromText,
                fromNative: native(v => Number.isInteger(v)),
                show: value => String(value)
            };
        }
        case 'yearmonth': {
            const fromText = text => {
                const m = YEARMONTH.exec(text);
                return m && +m[2] >= 1 && +m[2] <= 12 ? +m[1] * 12 + +m[2] - 1 : INVALID;
            };
            return {
                expected: 'a year and month as YYYY-MM',
                fromText,
                fromNative: native(() => false),
                show: (_v, text) => text
            };
        }
        case 'duration': {
            const fromText = text => {
                const m = DURATION.exec(text);
                if (!m)
                    return INVALID;
                const [y, mo, w, d, h, mi, s] = m
                    .slice(1)
                    .map(part => (part === undefined ? 0 : Number(part)));
                return ((((y * 365.25 + mo * 30.44 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000;
            };
            return {
                expected: 'an ISO 8601 duration such as P1DT2H',
                fromText,
                fromNative: native(() => false),
                show: (_v, text) => text
            };
        }
        case 'object':
            return json('object');
        case 'array':
            return json('array');
        case 'geopoint': {
            const format = field.format ?? 'default';
            const valid = (lon, lat) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
                ? [lon, lat]
                : INVALID;
            const fromParsed = (value) => Array.isArray(value) && value.length === 2
                ? valid(Number(value[0]), Number(value[1]))
                : typeof value === 'object' && value !== null && 'lon' in value && 'lat' in value
                    ? valid(Number(value.lon), Number(value.lat))
                    : INVALID;
            const fromText = text => {
                if (format === 'default') {
                    const m = /^\s*([+-]?[\d.]+)\s*,\s*([+-]?[\d.]+)\s*$/.exec(text);
                    return m ? valid(Number(m[1]), Number(m[2])) : INVALID;
                }
                try {
                    return fromParsed(JSON.parse(text));
                }
                catch {
                    return INVALID;
                }
            };
            return {
                expected: format === 'default'
                    ? 'a geopoint as "lon, lat"'
                    : `a geopoint as ${format === 'array' ? '[lon, lat]' : '{"lon": .., "lat": ..}'}`,
                fromText,
                fromNative: fromParsed,
                show: (_v, text) => text
            };
        }
        case 'geojson': {
            const topo = field.format === 'topojson';
            const fits = (value) => typeof value === 'object' &&
                value !== null &&
                (topo
                    ? value.type === 'Topology'
                    : GEOJSON_TYPES.has(String(value.type)));
            const fromText = jsonText(fits);
            return {
                expected: topo ? 'a TopoJSON object' : 'a GeoJSON object',
                fromText,
                fromNative: value => (fits(value) ? value : INVALID),
                show: (_v, text) => text
            };
        }
        case 'any':
            return {
                expected: 'any value',
                fromText: text => text,
                fromNative: value => value,
                show: (_v, text) => text
            };
        case 'string': {
            const format = field.format ?? 'default';
            const test = format === 'email'
                ? (text) => EMAIL.test(text)
                : format === 'uuid'
                    ? (text) => UUID.test(text)
                    : format === 'uri'
                        ? (text) => URL.canParse(text)
                        : format === 'binary'
                            ? (text) => BASE64.test(text)
                            : null;
            const fromText = text => (test && !test(text) ? INVALID : text);
            return {
                expected: test ? `a string in ${format} format` : 'a string',
                fromText,
                rangeCast: test ? undefined : 'string',
                fromNative: native(() => false),
                show: (_v, text) => text
            };
        }
    }
}
const ORDERED = new Set([
    'integer',
    'number',
    'date',
    'datetime',
    'time',
    'year',
    'yearmonth',
    'duration'
]);
const SIZED = new Set(['string', 'array', 'object']);
function textOf(cell) {
    if (typeof cell === 'string')
        return cell;
    if (cell instanceof Date)
        return cell.toISOString();
    if (typeof cell === 'object')
        return JSON.stringify(cell);
    return String(cell);
}
/**
 * An approximate number within this relative distance of a bound is cast exactly before comparing: the
 * approximation is within 1e-14 (at most 40 digits, two roundings each, and one division), so outside this
 * margin it is on the same side of the bound as the exact value.
 */
const APPROXIMATION_MARGIN = 1e-12;
/**
 * Compiles one field: its cast and its constraints as data, checked once per cell. `valueRead`:
 * the caller reads `value` (a primary key part), so it must be the exact cast, made even when no check
 * of the field's own needs it.
 */
function compileField(field, index, schemaMissingValues, schemaLabel, valueRead = false) {
    const where = `${schemaLabel}: fields[${index}]`;
    const cast = caster(field, where);
    const missingValues = [...new Set(field.missingValues ?? schemaMissingValues)];
    const constraints = field.constraints ?? {};
    valueRead ||= constraints.unique === true;
    // Only numbers read from text may be approximate; nothing but a bound check reads them.
    const approximate = cast.rangeCast === 'number' && !valueRead && constraints.enum === undefined;
    const castBound = (value, key) => {
        const out = typeof value === 'string' ? cast.fromText(value) : cast.fromNative(value);
        if (out === INVALID)
            throw new errors_UserError(`${where}.constraints.${key}: expected ${cast.expected}; got ${JSON.stringify(value)}`);
        return out;
    };
    const rules = {
        bounds: [],
        lengths: [],
        allowed: null,
        allowedTexts: null,
        numericEnum: ORDERED.has(field.type),
        listed: '',
        pattern: null,
        patternSource: constraints.pattern ?? ''
    };
    for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
        const bound = constraints[key];
        if (bound === undefined)
            continue;
        if (!ORDERED.has(field.type))
            throw new errors_UserError(`${where}.constraints.${key}: not allowed for type ${field.type}`);
        const below = key === 'minimum' || key === 'exclusiveMinimum';
        const exclusive = key.startsWith('exclusive');
        rules.bounds.push({
            limit: castBound(bound, key),
            below,
            exclusive,
            words: below
                ? exclusive
                    ? 'must be above'
                    : 'is below the minimum'
                : exclusive
                    ? 'must be below'
                    : 'is above the maximum',
            shown: String(bound)
        });
    }
    for (const key of ['minLength', 'maxLength']) {
        const limit = constraints[key];
        if (limit === undefined)
            continue;
        if (!SIZED.has(field.type))
            throw new errors_UserError(`${where}.constraints.${key}: not allowed for type ${field.type}`);
        rules.lengths.push({ limit, min: key === 'minLength' });
    }
    if (constraints.enum) {
        const options = constraints.enum.map((option, i) => castBound(option, `enum[${i}]`));
        // Ordered types cast to numbers: look them up as numbers, with no String(number) per cell.
        rules.allowed = new Set(rules.numericEnum ? options : options.map(canonical));
        if (cast.rangeCast === 'string')
            rules.allowedTexts = new TextSet(options.map(canonical));
        rules.listed = constraints.enum.map(String).join(', ');
    }
    if (constraints.pattern !== undefined) {
        try {
            rules.pattern = new RegExp(`^(?:${constraints.pattern})$`, 'u');
        }
        catch (error) {
            throw new errors_UserError(`${where}.constraints.pattern: not a valid regular expression: ${error.message}`);
        }
    }
    return new Field(field.name, field.type, cast, rules, {
        missingValues,
        required: constraints.required === true,
        approximate,
        valueRead
    });
}
/** A set of strings that also answers for a range of a longer text, without making its string. */
class TextSet {
    buckets = new Map();
    constructor(words) {
        for (const word of words) {
            const hash = TextSet.hash(word, 0, word.length);
            const bucket = this.buckets.get(hash);
            if (bucket)
                bucket.push(word);
            else
                this.buckets.set(hash, [word]);
        }
    }
    static hash(source, start, end) {
        let hash = 0x811c9dc5;
        for (let i = start; i < end; i++)
            hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
        return hash;
    }
    has(source, start, end) {
        const bucket = this.buckets.get(TextSet.hash(source, start, end));
        return bucket !== undefined && rangeIsOneOf(bucket, source, start, end);
    }
}
function canonical(value) {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
/** NaN compares false with everything; a bounded column must not let it through. */
function isOutside(bound, number) {
    return (Number.isNaN(number) ||
        (bound.below
            ? bound.exclusive
                ? number <= bound.limit
                : number < bound.limit
            : bound.exclusive
                ? number >= bound.limit
                : number > bound.limit));
}
/** A compiled field: the cast and constraint checks of one column, applied to one cell at a time. */
class Field {
    name;
    type;
    cast;
    rules;
    value = undefined;
    // The cell being checked: a value (JSON, Parquet, a CSV cell with doubled quotes) or a range of text.
    // Its text is made only when a check or a message needs it: a string per cell adds up over millions.
    cell = undefined;
    source = null;
    start = 0;
    end = 0;
    label;
    missingValues;
    onlyEmptyIsMissing;
    required;
    requiredProblem;
    rangeCast;
    approximate;
    textUnread;
    trueValues;
    falseValues;
    constructor(name, type, cast, rules, options) {
        this.name = name;
        this.type = type;
        this.cast = cast;
        this.rules = rules;
        this.label = `field "${name}"`;
        this.missingValues = options.missingValues;
        this.onlyEmptyIsMissing = options.missingValues.length === 1 && options.missingValues[0] === '';
        this.required = options.required;
        this.requiredProblem = {
            code: 'constraint-error',
            message: `${this.label} is required; the cell is empty`
        };
        this.rangeCast = cast.rangeCast;
        this.approximate = options.approximate;
        // A string field's text is made only for a check that needs the string (an enum looks up ranges).
        this.textUnread =
            !options.valueRead &&
                rules.lengths.length === 0 &&
                (rules.allowed === null || rules.allowedTexts !== null) &&
                rules.pattern === null;
        this.trueValues = cast.words?.trueValues ?? [];
        this.falseValues = cast.words?.falseValues ?? [];
    }
    cellText() {
        return this.source === null ? textOf(this.cell) : this.source.slice(this.start, this.end);
    }
    check(cell) {
        // Text (a JSON string, a CSV cell with doubled quotes) is cast like a range of CSV text.
        if (typeof cell === 'string')
            return this.checkRange(cell, 0, cell.length);
        this.source = null;
        this.cell = cell;
        if (cell === null || cell === undefined)
            return this.missing();
        // A JSON or Parquet value that already has the field's type needs no cast.
        const fits = typeof cell === 'number'
            ? this.rangeCast === 'number' || (this.rangeCast === 'integer' && Number.isInteger(cell))
            : typeof cell === 'boolean' && this.rangeCast === 'boolean';
        return this.afterCast(fits ? cell : this.cast.fromNative(cell));
    }
    checkText(cells, index) {
        const escaped = cells.escapedAt(index);
        if (escaped !== undefined)
            return this.checkRange(escaped, 0, escaped.length);
        return this.checkRange(cells.source, cells.starts[index], cells.ends[index]);
    }
    checkRange(source, start, end) {
        this.source = source;
        this.start = start;
        this.end = end;
        if (this.onlyEmptyIsMissing ? start === end : rangeIsOneOf(this.missingValues, source, start, end))
            return this.missing();
        let value;
        switch (this.rangeCast) {
            case 'integer':
                value = integerInRange(source, start, end);
                break;
            case 'number':
                value = numberInRange(source, start, end, this.approximate);
                break;
            case 'iso-date':
                value = isoDateInRange(source, start, end);
                break;
            case 'boolean':
                value = rangeIsOneOf(this.trueValues, source, start, end)
                    ? true
                    : rangeIsOneOf(this.falseValues, source, start, end)
                        ? false
                        : INVALID;
                break;
            case 'string':
                value = this.textUnread ? UNREAD_TEXT : source.slice(start, end);
                break;
            default:
                value = this.cast.fromText(source.slice(start, end));
        }
        return this.afterCast(value);
    }
    missing() {
        this.value = MISSING;
        return this.required ? this.requiredProblem : null;
    }
    afterCast(value) {
        this.value = value;
        if (value === INVALID) {
            const shown = this.source !== null
                ? JSON.stringify(this.cellText())
                : `${typeof this.cell} ${textOf(this.cell)}`;
            return {
                code: 'type-error',
                message: `${this.label}: expected ${this.cast.expected}; got ${shown}`
            };
        }
        const rules = this.rules;
        for (let i = 0; i < rules.bounds.length; i++) {
            const problem = this.checkBound(rules.bounds[i], value);
            if (problem)
                return problem;
        }
        for (let i = 0; i < rules.lengths.length; i++) {
            const { limit, min } = rules.lengths[i];
            const length = typeof value === 'string'
                ? [...value].length
                : Array.isArray(value)
                    ? value.length
                    : Object.keys(value).length;
            if (min ? length < limit : length > limit)
                return {
                    code: 'constraint-error',
                    message: `${this.label}: length ${length} is ${min ? 'below the minLength' : 'above the maxLength'} ${limit}`
                };
        }
        if (rules.allowed !== null &&
            !(value === UNREAD_TEXT
                ? this.textIsAllowed(rules.allowedTexts, rules.allowed)
                : rules.allowed.has(rules.numericEnum ? value : canonical(value))))
            return {
                code: 'constraint-error',
                message: `${this.label}: "${this.cellText()}" is not one of ${rules.listed}`
            };
        if (rules.pattern !== null) {
            const text = typeof value === 'string' ? value : this.cellText();
            if (!rules.pattern.test(text))
                return {
                    code: 'constraint-error',
                    message: `${this.label}: "${text}" does not match the pattern ${rules.patternSource}`
                };
        }
        return null;
    }
    /** A whole string (JSON, Parquet: often the same dictionary string, hashed once) is looked up as is. */
    textIsAllowed(texts, allowed) {
        const source = this.source;
        return this.start === 0 && this.end === source.length
            ? allowed.has(source)
            : texts.has(source, this.start, this.end);
    }
    checkBound(bound, value) {
        let number = value;
        let outside = isOutside(bound, number);
        // An approximate number near the bound (or outside it: the message shows it) is cast exactly.
        if (this.approximate &&
            this.source !== null &&
            (outside ||
                Math.abs(number - bound.limit) <=
                    APPROXIMATION_MARGIN * (Math.abs(number) + Math.abs(bound.limit)))) {
            number = numberInRange(this.source, this.start, this.end);
            outside = isOutside(bound, number);
        }
        return outside
            ? {
                code: 'constraint-error',
                message: `${this.label}: ${this.cast.show(number, this.cellText())} ${bound.words} ${bound.shown}`
            }
            : null;
    }
}
/** The primary key's fields, however the schema wrote it (a name, a list, or none). */
function primaryKeyOf(schema) {
    return schema.primaryKey === undefined ? [] : [schema.primaryKey].flat();
}
function compileSchema(schema, schemaLabel) {
    const primaryKey = primaryKeyOf(schema);
    return schema.fields.map((field, index) => compileField(field, index, schema.missingValues, schemaLabel, primaryKey.includes(field.name)));
}
/** A canonical text for a cast value, for unique and primary-key checks. */
function uniqueKey(value) {
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
        return `${typeof value}:${String(value)}`;
    return `json:${JSON.stringify(value)}`;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/data/table.ts


const DATA_FORMATS = (/* unused pure expression or super */ null && (['csv', 'tsv', 'jsonl', 'json', 'parquet']));
/** A key a JSON row does not have (as opposed to one whose value is null). */
const ABSENT = Symbol('absent');
/** The format from the extension (`.csv.gz` is not read), unless `override` names one. */
function formatOf(file, override) {
    if (override) {
        if (!DATA_FORMATS.includes(override))
            throw new UserError(`format "${override}": expected one of ${DATA_FORMATS.join(', ')}`);
        return override;
    }
    const extension = path.extname(file).toLowerCase().slice(1);
    if (extension === 'ndjson')
        return 'jsonl';
    if (extension === 'pq')
        return 'parquet';
    if (DATA_FORMATS.includes(extension))
        return extension;
    if (extension === 'txt')
        return 'csv';
    throw new UserError(`${path.basename(file)}: cannot tell the format from ".${extension}"; use .csv, .tsv, .jsonl, .json or .parquet (or set data-format)`);
}

;// CONCATENATED MODULE: ./src/data/validate.ts


class ViolationLog {
    max;
    kept = [];
    countsByCode = {};
    countsByField = {};
    count = 0;
    constructor(max) {
        this.max = max;
    }
    add(violation) {
        this.count++;
        this.countsByCode[violation.code] = (this.countsByCode[violation.code] ?? 0) + 1;
        if (violation.field !== undefined)
            this.countsByField[violation.field] = (this.countsByField[violation.field] ?? 0) + 1;
        if (this.kept.length < this.max)
            this.kept.push(violation);
    }
}
function spanNote(position) {
    return position.endLine !== undefined &&
        position.line !== undefined &&
        position.endLine > position.line
        ? ` (this record spans lines ${position.line}-${position.endLine} because a quoted field holds line breaks: check for an unbalanced quote)`
        : '';
}
/** Every cell empty (no closure per row: this runs for each of millions of rows). */
function isBlank(cells, text) {
    if (text) {
        for (let i = 0; i < text.count; i++)
            if (text.ends[i] !== text.starts[i] || text.escapedAt(i) !== undefined)
                return false;
        return true;
    }
    for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell !== '' && cell !== null && cell !== ABSENT)
            return false;
    }
    return true;
}
/** Cell `k` as a value, whichever way the reader handed the row over (one of the two is null). */
function cellAt(cells, text, k) {
    return text ? text.cell(k) : cells[k];
}
/** A row's cells as values. */
function cellsOf(cells, text) {
    return cells ?? Array.from({ length: text.count }, (_, k) => text.cell(k));
}
function cellViolation(code, message, position, index, rowNumber, field) {
    return {
        code,
        line: position.fieldLines?.[index] ?? position.line,
        rowGroup: position.rowGroup,
        rowInGroup: position.rowInGroup,
        rowNumber,
        fieldNumber: index + 1,
        field,
        message
    };
}
/** "line 12", "row group 2, row 17" or "row 5", whichever the format knows. */
function describePosition(violation) {
    if (violation.line !== undefined)
        return `line ${violation.line}`;
    if (violation.rowGroup !== undefined)
        return `row group ${violation.rowGroup}, row ${violation.rowInGroup}`;
    return violation.rowNumber ? `row ${violation.rowNumber}` : 'the whole dataset';
}
/** 52 bits of FNV-1a: enough to spot duplicate rows without keeping every row's text. */
function rowHash(cells) {
    let low = 0x811c9dc5;
    let high = 0x050c5d1f;
    for (const cell of cells) {
        const text = typeof cell === 'string'
            ? cell
            : cell === ABSENT
                ? '\u0001'
                : (JSON.stringify(cell) ?? 'undefined');
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            low = Math.imul(low ^ c, 0x01000193);
            high = Math.imul(high ^ c ^ (low >>> 16), 0x01000193);
        }
        low = Math.imul(low ^ 0x1f, 0x01000193);
    }
    return (high >>> 0) * 2 ** 20 + ((low >>> 0) & 0xfffff);
}
/**
 * Validates a table against a Table Schema in one streaming pass over what `read` hands its sink: the
 * header, every cell's type and constraints, unique and primary keys, and the dataset-level checks under
 * `mlChecks`. It loads no reader itself (see validate-file.ts), so a CSV worker stays small.
 */
async function validateRows(schema, options, read) {
    const fields = compileSchema(schema, options.schemaLabel);
    const byName = new Map(fields.map(field => [field.name, field]));
    const checks = schema.mlChecks;
    const columnsPolicy = checks?.columns ?? 'exact';
    const log = new ViolationLog(options.maxViolations);
    let columns = null;
    let header = [];
    let rowNumber = 1;
    let rows = 0;
    const nullCounts = Object.fromEntries(fields.map(field => [field.name, 0]));
    const uniqueSeen = new Map();
    for (const field of schema.fields)
        if (field.constraints?.unique)
            uniqueSeen.set(field.name, new Map());
    const primaryKey = primaryKeyOf(schema);
    const primarySeen = new Map();
    const duplicateSeen = checks?.duplicateRows === 'error' ? new Map() : null;
    let duplicateRows = 0;
    const labelField = checks?.label?.column;
    const classCounts = labelField ? new Map() : null;
    // Per column, set with the header: what else a cell feeds besides its own checks.
    let uniqueByColumn = [];
    let keyPartByColumn = [];
    let labelColumn = -1;
    const where = (position) => ({
        line: position.line,
        rowGroup: position.rowGroup,
        rowInGroup: position.rowInGroup
    });
    // A later partition is handed the header: it maps the columns, but the header's own defects are the
    // first partition's to report (else the merge would count them twice).
    const headerLog = options.partition?.header ? { add: () => undefined } : log;
    const onHeader = (labels, line) => {
        header = labels;
        const seen = new Set();
        columns = labels.map((label, index) => {
            const at = { line, rowNumber: 1, fieldNumber: index + 1 };
            if (label.trim() === '') {
                headerLog.add({
                    code: 'blank-label',
                    ...at,
                    message: `column ${index + 1} has an empty header`
                });
                return null;
            }
            if (seen.has(label)) {
                headerLog.add({
                    code: 'duplicate-label',
                    ...at,
                    field: label,
                    message: `header "${label}" appears more than once`
                });
                return null;
            }
            seen.add(label);
            const field = byName.get(label);
            if (!field && columnsPolicy !== 'superset') {
                headerLog.add({
                    code: 'extra-label',
                    ...at,
                    field: label,
                    message: `column "${label}" is not in the schema (schema fields: ${fields.map(f => f.name).join(', ')})`
                });
            }
            return field ?? null;
        });
        uniqueByColumn = columns.map(field => (field ? uniqueSeen.get(field.name) : undefined));
        keyPartByColumn = columns.map(field => (field ? primaryKey.indexOf(field.name) : -1));
        labelColumn = columns.findIndex(field => field !== null && field.name === labelField);
        if (columnsPolicy !== 'subset') {
            for (const field of fields) {
                if (!seen.has(field.name)) {
                    headerLog.add({
                        code: 'missing-label',
                        line,
                        rowNumber: 1,
                        field: field.name,
                        message: `the schema's field "${field.name}" has no column (columns: ${labels.join(', ')})`
                    });
                }
            }
        }
    };
    // A reader hands over either values (`cells`) or a text row (`text`); one of them is null.
    const onRow = (cells, text, position, extraKeys) => {
        rowNumber++;
        rows++;
        if (columns === null)
            return;
        if (isBlank(cells, text)) {
            log.add({ code: 'blank-row', ...where(position), rowNumber, message: 'the row is blank' });
            return;
        }
        const count = text ? text.count : cells.length;
        const width = columns.length;
        const checked = Math.min(width, count);
        let keyParts = primaryKey.length ? [] : null;
        for (let k = 0; k < checked; k++) {
            const field = columns[k];
            if (!field)
                continue;
            if (cells && cells[k] === ABSENT) {
                nullCounts[field.name]++;
                log.add(cellViolation('missing-cell', `the row has no "${field.name}"`, position, k, rowNumber, field.name));
                keyParts = null;
                continue;
            }
            const problem = text ? field.checkText(text, k) : field.check(cells[k]);
            if (field.value === MISSING)
                nullCounts[field.name]++;
            if (problem) {
                log.add(cellViolation(problem.code, problem.message, position, k, rowNumber, field.name));
                keyParts = null;
                continue;
            }
            if (field.value === MISSING) {
                keyParts = null;
                continue;
            }
            const seen = uniqueByColumn[k];
            if (seen) {
                const key = uniqueKey(field.value);
                const first = seen.get(key);
                if (first !== undefined)
                    log.add(cellViolation('unique-error', `field "${field.name}": ${JSON.stringify(String(cellAt(cells, text, k)))} already appears in row ${first}; the field must be unique`, position, k, rowNumber, field.name));
                else
                    seen.set(key, rowNumber);
            }
            if (keyParts && keyPartByColumn[k] !== -1)
                keyParts[keyPartByColumn[k]] = uniqueKey(field.value);
            if (k === labelColumn && classCounts) {
                const label = String(cellAt(cells, text, k));
                classCounts.set(label, (classCounts.get(label) ?? 0) + 1);
            }
        }
        if (keyParts && keyParts.filter(part => part !== undefined).length === primaryKey.length) {
            const key = keyParts.join('\u0000');
            const first = primarySeen.get(key);
            if (first !== undefined) {
                log.add({
                    code: 'primary-key',
                    ...where(position),
                    rowNumber,
                    message: `primary key (${primaryKey.join(', ')}) repeats row ${first}`
                });
            }
            else
                primarySeen.set(key, rowNumber);
        }
        if (duplicateSeen) {
            const hash = rowHash(cellsOf(cells, text));
            const first = duplicateSeen.get(hash);
            if (first !== undefined) {
                duplicateRows++;
                log.add({
                    code: 'duplicate-row',
                    ...where(position),
                    rowNumber,
                    message: `the row repeats row ${first}`
                });
            }
            else
                duplicateSeen.set(hash, rowNumber);
        }
        for (let k = width; k < count; k++) {
            log.add({
                code: 'extra-cell',
                line: position.fieldLines?.[k] ?? position.line,
                rowNumber,
                fieldNumber: k + 1,
                message: `row has ${count} cells but the header has ${width}: cell ${k + 1} ${JSON.stringify(cellAt(cells, text, k))} has no column${spanNote(position)}`
            });
        }
        // Only text rows can be short: a JSON row's missing keys are ABSENT cells.
        if (text) {
            for (let k = count; k < width; k++) {
                const name = columns[k]?.name ?? header[k];
                if (columns[k])
                    nullCounts[name]++;
                log.add({
                    code: 'missing-cell',
                    line: position.endLine,
                    rowNumber,
                    fieldNumber: k + 1,
                    field: name,
                    message: `row has ${count} cells but the header has ${width}: no cell for column "${header[k]}"${spanNote(position)}`
                });
            }
        }
        if (extraKeys)
            for (const key of extraKeys) {
                log.add({
                    code: 'extra-cell',
                    ...where(position),
                    rowNumber,
                    message: `key "${key}" is not a column (the first row's keys are the header: ${header.join(', ')})`
                });
            }
    };
    const onProblem = (problem) => {
        if (problem.code === 'blank-row')
            rowNumber++;
        log.add({
            code: problem.code,
            line: problem.line,
            rowNumber: rowNumber + (problem.code === 'blank-row' ? 0 : 1),
            fieldNumber: problem.fieldNumber,
            message: problem.message
        });
    };
    const { linesRead, endedBetweenRecords } = await read({
        header: onHeader,
        row: (cells, position, extraKeys) => onRow(cells, null, position, extraKeys),
        textRow: (text, position) => onRow(null, text, position),
        problem: onProblem
    });
    if (columns === null && log.count === 0 && !options.partition) {
        log.add({
            code: 'blank-header',
            line: 1,
            rowNumber: 1,
            message: `the file is empty: expected a header or rows with ${fields.map(f => f.name).join(', ')}`
        });
    }
    if (!options.partition)
        datasetChecks(checks, rows, nullCounts, classCounts, log);
    return {
        format: options.format,
        rows,
        violationCount: log.count,
        violations: log.kept,
        truncated: log.count > log.kept.length,
        countsByCode: log.countsByCode,
        countsByField: log.countsByField,
        header,
        stats: {
            nullCounts,
            classCounts: classCounts ? Object.fromEntries(classCounts) : undefined,
            duplicateRows
        },
        linesRead,
        endedBetweenRecords
    };
}
/** The checks on the dataset as a whole, after every row was read. */
function datasetChecks(checks, rows, nullCounts, classCounts, log) {
    if (!checks)
        return;
    const whole = { rowNumber: 0 };
    const bounds = checks.rows;
    if (bounds?.min !== undefined && rows < bounds.min)
        log.add({
            code: 'row-count',
            ...whole,
            message: `${rows} rows; the schema asks for at least ${bounds.min}`
        });
    if (bounds?.max !== undefined && rows > bounds.max)
        log.add({
            code: 'row-count',
            ...whole,
            message: `${rows} rows; the schema allows at most ${bounds.max}`
        });
    if (checks.maxNullFraction !== undefined && rows > 0) {
        const limits = typeof checks.maxNullFraction === 'number'
            ? Object.fromEntries(Object.keys(nullCounts).map(name => [name, checks.maxNullFraction]))
            : checks.maxNullFraction;
        for (const [name, limit] of Object.entries(limits)) {
            const fraction = (nullCounts[name] ?? 0) / rows;
            if (fraction > limit) {
                log.add({
                    code: 'null-fraction',
                    ...whole,
                    field: name,
                    message: `field "${name}" is empty in ${nullCounts[name]} of ${rows} rows (${(fraction * 100).toFixed(1)} %); the schema allows ${(limit * 100).toFixed(1)} %`
                });
            }
        }
    }
    const label = checks.label;
    if (label && classCounts) {
        for (const expected of label.classes ?? []) {
            if (!classCounts.has(String(expected))) {
                log.add({
                    code: 'label-class-missing',
                    ...whole,
                    field: label.column,
                    message: `class "${expected}" of "${label.column}" never appears (found: ${[...classCounts.keys()].join(', ')})`
                });
            }
        }
        if (label.minShare !== undefined && rows > 0) {
            for (const [value, count] of classCounts) {
                if (count / rows < label.minShare) {
                    log.add({
                        code: 'label-class-share',
                        ...whole,
                        field: label.column,
                        message: `class "${value}" of "${label.column}" is ${((100 * count) / rows).toFixed(1)} % of the rows (${count}); the schema asks for at least ${(label.minShare * 100).toFixed(1)} %`
                    });
                }
            }
        }
    }
}


/***/ }),

/***/ 919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(877);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__PARTITION_TASK = __webpack_exports__.N;
/******/ export { __webpack_exports__PARTITION_TASK as PARTITION_TASK };
/******/ 
