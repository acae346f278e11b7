// The chunked RFC 4180 state machine (see csv_tokenizer.h for the rules).
// Typing the fields and building the table is CsvReader's job.
#include "core/table/csv_tokenizer.h"

#include <algorithm>
#include <cstring>

namespace ud::core {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

CsvTokenizer::CsvTokenizer(char separator) : separator_(separator) {
    ends_unquoted_[static_cast<unsigned char>(separator)] = true;
    ends_unquoted_['\n'] = true;
    ends_unquoted_['\r'] = true;
}

void CsvTokenizer::feed(std::string_view chunk, CsvRowSink& sink) {
    bytes_consumed_ += chunk.size();
    if (!bom_checked_) {
        // A BOM may itself be split across chunks: hold up to 3 bytes until we know.
        std::size_t take = std::min(chunk.size(), kBom.size() - bom_probe_.size());
        bom_probe_.append(chunk.substr(0, take));
        chunk.remove_prefix(take);
        if (bom_probe_.size() < kBom.size() && kBom.starts_with(bom_probe_)) return;
        bom_checked_ = true;
        std::string probe = std::move(bom_probe_);
        bom_probe_.clear();
        if (probe != kBom) parse(probe, sink);
    }
    parse(chunk, sink);
}

void CsvTokenizer::parse(std::string_view data, CsvRowSink& sink) {
    const char* p = data.data();
    const std::size_t n = data.size();
    std::size_t i = 0;
    // What a separator or line end does once the field before it is complete.
    auto afterFieldEnd = [&](char c) {
        if (c == separator_) {
            state_ = State::FieldStart;
            return;
        }
        endRow(p, sink);
        ++line_;
        row_line_ = line_;
        state_ = c == '\r' ? State::AfterCr : State::FieldStart;
    };
    while (i < n) {
        switch (state_) {
            case State::FieldStart:
                field_in_scratch_ = false;
                field_quoted_ = p[i] == '"';
                if (field_quoted_) {
                    state_ = State::Quoted;
                    field_begin_ = ++i;
                } else {
                    state_ = State::Unquoted;
                    field_begin_ = i;
                }
                break;
            case State::Unquoted: {
                std::size_t j = i;
                while (j < n && !ends_unquoted_[static_cast<unsigned char>(p[j])]) ++j;
                if (field_in_scratch_) scratch_.append(p + i, j - i);
                if (j == n) {
                    i = n;
                    break;
                }
                endField(j);
                i = j + 1;
                afterFieldEnd(p[j]);
                break;
            }
            case State::Quoted: {
                const void* quote = std::memchr(p + i, '"', n - i);
                std::size_t j = quote ? static_cast<std::size_t>(static_cast<const char*>(quote) - p) : n;
                line_ += static_cast<std::size_t>(std::count(p + i, p + j, '\n'));
                if (field_in_scratch_) scratch_.append(p + i, j - i);
                if (j == n) {
                    i = n;
                    break;
                }
                field_end_ = j;
                state_ = State::QuoteInQuoted;
                i = j + 1;
                break;
            }
            case State::QuoteInQuoted: {
                char c = p[i];
                if (c == '"') {  // "" inside quotes is one quote character
                    if (!field_in_scratch_) moveFieldToScratch(p, field_end_);
                    scratch_.push_back('"');
                    state_ = State::Quoted;
                    ++i;
                } else if (ends_unquoted_[static_cast<unsigned char>(c)]) {
                    endField(field_end_);
                    ++i;
                    afterFieldEnd(c);
                } else {  // "ab"c: keep the text after the closing quote, flag the row
                    row_stray_quote_ = true;
                    if (!field_in_scratch_) moveFieldToScratch(p, field_end_);
                    state_ = State::Unquoted;
                }
                break;
            }
            case State::AfterCr:
                if (p[i] == '\n') ++i;  // CRLF is one line end
                state_ = State::FieldStart;
                break;
        }
    }
    saveRowAtChunkEnd(p, n);
}

void CsvTokenizer::moveFieldToScratch(const char* data, std::size_t end) {
    // Earlier fields go first so the open field stays last in scratch_ and
    // can keep growing contiguously.
    saveFinishedFields(data);
    std::size_t start = scratch_.size();
    scratch_.append(data + field_begin_, end - field_begin_);
    field_begin_ = start;
    field_in_scratch_ = true;
}

void CsvTokenizer::endField(std::size_t end) {
    if (field_in_scratch_) {
        fields_.push_back({field_begin_, scratch_.size() - field_begin_, true});
    } else {
        fields_.push_back({field_begin_, end - field_begin_, false});
    }
}

void CsvTokenizer::endRow(const char* data, CsvRowSink& sink) {
    bool empty_line = fields_.size() == 1 && fields_[0].length == 0 && !field_quoted_;
    if (!empty_line) {
        views_.clear();
        for (const FieldSpan& f : fields_) {
            const char* base = f.in_scratch ? scratch_.data() : data;
            views_.emplace_back(base + f.begin, f.length);
        }
        CsvRow row;
        row.fields = views_;
        row.line = row_line_;
        row.unterminated_quote = row_unterminated_;
        row.stray_quote = row_stray_quote_;
        sink.onRow(row);
    }
    fields_.clear();
    scratch_.clear();
    row_stray_quote_ = false;
    row_unterminated_ = false;
}

void CsvTokenizer::saveFinishedFields(const char* data) {
    for (FieldSpan& f : fields_) {
        if (f.in_scratch) continue;
        std::size_t start = scratch_.size();
        scratch_.append(data + f.begin, f.length);
        f = {start, f.length, true};
    }
}

void CsvTokenizer::saveRowAtChunkEnd(const char* data, std::size_t end) {
    // The chunk is about to go away: copy what the unfinished row still points at.
    saveFinishedFields(data);
    if (field_in_scratch_) return;
    if (state_ == State::Unquoted || state_ == State::Quoted) moveFieldToScratch(data, end);
    if (state_ == State::QuoteInQuoted) moveFieldToScratch(data, field_end_);
}

void CsvTokenizer::finish(CsvRowSink& sink) {
    if (!bom_checked_) {
        bom_checked_ = true;
        std::string probe = std::move(bom_probe_);
        bom_probe_.clear();
        if (probe != kBom) parse(probe, sink);
    }
    // Recovery is linear: it runs at most once. A quote is still open at the end
    // only if every run of quotes after it has even length ("" pairs); then the
    // rest, read again from a field start, meets only even runs and cannot end
    // inside quotes (an opening quote plus pairs leaves one quote that closes).
    // Still a loop, not recursion, so no input can exhaust the stack.
    while (state_ == State::Quoted) recoverUnterminatedQuote(sink);
    switch (state_) {
        case State::Unquoted:
        case State::QuoteInQuoted:
            endField(0);
            endRow(nullptr, sink);
            break;
        case State::FieldStart:
            if (!fields_.empty()) {  // "a,b," ends with an empty field
                fields_.push_back({scratch_.size(), 0, true});
                endRow(nullptr, sink);
            }
            break;
        case State::Quoted:
        case State::AfterCr: break;
    }
    state_ = State::FieldStart;
}

void CsvTokenizer::recoverUnterminatedQuote(CsvRowSink& sink) {
    // The open field runs to the end of input. Take its opening quote as a
    // literal character, end the row at the field's first line end, and parse
    // everything after that line again as ordinary rows.
    //
    // The open field holds the file's bytes with each "" pair already made one
    // quote, and nothing else changed (it never left the quotes, so every run of
    // quotes after the opening one was pairs). Doubling each quote back gives the
    // bytes as they are in the file, for the cell and for the re-read.
    std::string_view content(scratch_.data() + field_begin_, scratch_.size() - field_begin_);
    std::size_t cut = std::min(content.find_first_of("\r\n"), content.size());
    auto asInFile = [](std::string_view unescaped) {
        std::string out;
        out.reserve(unescaped.size() + 16);
        for (char c : unescaped) {
            out.push_back(c);
            if (c == '"') out.push_back('"');
        }
        return out;
    };
    std::string rest = asInFile(content.substr(cut));
    std::string cell = "\"" + asInFile(content.substr(0, cut));
    std::size_t start = scratch_.size();
    scratch_.append(cell);
    fields_.push_back({start, cell.size(), true});
    field_quoted_ = true;
    row_unterminated_ = true;
    endRow(nullptr, sink);
    line_ = row_line_;  // unquoted fields hold no line ends, so the cut is on the row's first line
    state_ = State::FieldStart;
    parse(rest, sink);
}

}  // namespace ud::core
