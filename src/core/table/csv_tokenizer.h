// RFC 4180 tokenizer that works over chunks as they arrive (a 200 MB file is
// never held whole): quoted fields, doubled quotes, separators and newlines in
// quotes, CRLF / LF / lone CR, a UTF-8 BOM, a missing final newline. It hands
// each complete row to a sink as string_views, copying only fields that cross
// a chunk boundary or contain escaped quotes. Lenient where RFC 4180 is silent:
// a quote inside an unquoted field is literal; text after a closing quote is
// kept and the row is flagged; an unterminated quote is closed at its line's
// end at finish() and the rest of the input is parsed again, so one bad row
// never swallows the rest of the file.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ud::core {

struct CsvRow {
    std::span<const std::string_view> fields;
    std::size_t line = 0;              // 1-based physical line where the row starts
    bool unterminated_quote = false;   // a quoted field never closed; cut at its line's end
    bool stray_quote = false;          // text followed a closing quote ("ab"c)
};

class CsvRowSink {
public:
    virtual void onRow(const CsvRow& row) = 0;

protected:
    ~CsvRowSink() = default;
};

class CsvTokenizer {
public:
    explicit CsvTokenizer(char separator = ',');

    void feed(std::string_view chunk, CsvRowSink& sink);
    void finish(CsvRowSink& sink);  // flushes the last row; call once
    std::uint64_t bytesConsumed() const { return bytes_consumed_; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCr };
    struct FieldSpan {
        std::size_t begin = 0;
        std::size_t length = 0;
        bool in_scratch = false;
    };

    void parse(std::string_view data, CsvRowSink& sink);
    void moveFieldToScratch(const char* data, std::size_t end);
    void endField(std::size_t end);  // `end` is the chunk offset; unused for scratch fields
    void endRow(const char* data, CsvRowSink& sink);
    void saveFinishedFields(const char* data);
    void saveRowAtChunkEnd(const char* data, std::size_t end);
    void recoverUnterminatedQuote(CsvRowSink& sink);

    char separator_;
    std::array<bool, 256> ends_unquoted_{};  // separator, '\n', '\r'
    State state_ = State::FieldStart;
    std::vector<FieldSpan> fields_;          // finished fields of the current row
    std::vector<std::string_view> views_;    // fields_ resolved for the sink
    std::string scratch_;                    // bytes of the current row that must outlive a chunk
    std::size_t field_begin_ = 0;            // current field: offset in chunk or in scratch_
    bool field_in_scratch_ = false;
    bool field_quoted_ = false;
    std::size_t field_end_ = 0;              // chunk offset of a quoted field's closing quote
    bool row_stray_quote_ = false;
    bool row_unterminated_ = false;
    std::size_t line_ = 1;
    std::size_t row_line_ = 1;
    std::uint64_t bytes_consumed_ = 0;
    std::string bom_probe_;                  // first bytes, until we know whether they are a BOM
    bool bom_checked_ = false;
};

}  // namespace ud::core
