// CSV -> Table, fed chunk by chunk as the file arrives. The first row is the
// header. The first `inference_rows` rows are held as text to infer each
// column's type (date, integer, decimal, text); every later row goes straight
// into typed columns, widening a column if a later value does not fit, so the
// file is never held twice. Bad rows (ragged, unterminated or stray quotes)
// are reported with line numbers and kept or skipped by policy; one bad row
// never loses the rest.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/table/csv_tokenizer.h"
#include "core/base/result.h"
#include "core/table/table.h"

namespace ud::core {

enum class CsvIssueKind {
    RaggedRow,          // more or fewer fields than the header
    UnterminatedQuote,  // a quoted field never closed; cut at its line's end
    StrayQuote,         // text after a closing quote
};

enum class BadRowPolicy { Keep, Skip };

struct CsvIssue {
    CsvIssueKind kind = CsvIssueKind::RaggedRow;
    std::size_t line = 0;      // 1-based line where the row starts
    std::size_t fields = 0;    // fields found in the row
    bool row_kept = true;
    std::string message;       // a sentence for the UI
};

struct CsvReadOptions {
    char separator = ',';
    BadRowPolicy bad_rows = BadRowPolicy::Keep;  // kept ragged rows are padded / cut to the header
    std::size_t inference_rows = 1000;           // rows sampled to pick column types
    std::size_t max_issues_kept = 1000;          // later issues are only counted
    bool detect_report_roles = true;             // Particle roles and friendly names
    std::uint64_t expected_bytes = 0;            // file size if known, to reserve columns once
};

struct CsvProgress {
    std::uint64_t bytes = 0;  // bytes fed so far
    std::size_t rows = 0;     // data rows accepted so far
};

class CsvReader : private CsvRowSink {
public:
    explicit CsvReader(CsvReadOptions options = {});

    void feed(std::string_view chunk);
    // Ends the input and hands over the table; a Parse error when there is no header.
    Result<Table> finish();

    CsvProgress progress() const { return {tokenizer_.bytesConsumed(), rows_}; }
    const std::vector<CsvIssue>& issues() const { return issues_; }
    std::size_t issueCount() const { return issue_count_; }  // including those not kept
    std::size_t skippedRows() const { return skipped_rows_; }
    std::size_t reservedRows() const { return reserved_rows_; }  // rows the columns were sized for (0: none)

private:
    void onRow(const CsvRow& row) override;
    void takeHeader(const CsvRow& row);
    bool acceptRow(const CsvRow& row);  // records issues; false when the row is skipped
    void addIssue(CsvIssueKind kind, const CsvRow& row, bool kept);
    void bufferSampleRow(std::span<const std::string_view> cells);
    void inferColumns();
    void reserveRows();
    std::string_view sampleCell(std::size_t row, std::size_t column) const;

    CsvReadOptions options_;
    CsvTokenizer tokenizer_;
    TableBuilder builder_;
    std::vector<std::string> header_;
    bool has_header_ = false;
    bool types_known_ = false;
    std::string sample_arena_;                 // sampled cells, until types are known
    std::vector<std::uint32_t> sample_ends_;   // end offset of each sampled cell, row-major
    std::size_t sample_rows_ = 0;
    std::vector<std::string_view> padded_;     // a ragged row fitted to the header
    std::size_t rows_ = 0;
    std::size_t skipped_rows_ = 0;
    std::size_t reserved_rows_ = 0;
    std::vector<CsvIssue> issues_;
    std::size_t issue_count_ = 0;
};

// The whole text at once (tests, small files).
Result<Table> tableFromCsv(std::string_view text, CsvReadOptions options = {},
                           std::vector<CsvIssue>* issues = nullptr);

}  // namespace ud::core
