// CsvReader: header, bad-row policy, type inference over the first rows, then
// typed appends. Tokenizing is csv_tokenizer.cpp; storage is table_builder.cpp.
#include "core/table/csv_reader.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/table/cell_text.h"
#include "core/table/column_roles.h"

namespace ud::core {
namespace {

std::string describeIssue(CsvIssueKind kind, std::size_t line, std::size_t fields, std::size_t expected, bool kept) {
    std::string text = "Line " + std::to_string(line) + ": ";
    switch (kind) {
        case CsvIssueKind::RaggedRow:
            text += std::to_string(fields) + (fields == 1 ? " field" : " fields") + " where the header has " +
                    std::to_string(expected);
            if (kept) text += fields < expected ? "; missing cells left empty" : "; extra cells dropped";
            break;
        case CsvIssueKind::UnterminatedQuote:
            text += "a quote is never closed; the cell was cut at the end of its line";
            break;
        case CsvIssueKind::StrayQuote:
            text += "text follows a closing quote; it was kept in the cell";
            break;
    }
    text += kept ? "." : "; the row was skipped.";
    return text;
}

}  // namespace

CsvReader::CsvReader(CsvReadOptions options) : options_(options), tokenizer_(options.separator) {}

void CsvReader::feed(std::string_view chunk) { tokenizer_.feed(chunk, *this); }

Result<Table> CsvReader::finish() {
    tokenizer_.finish(*this);
    if (!has_header_) return makeError(ErrorKind::Parse, "The file is empty: there is no header row.");
    if (!types_known_) inferColumns();
    Table table = builder_.finish();
    if (options_.detect_report_roles) applyReportRoles(table);
    return table;
}

void CsvReader::onRow(const CsvRow& row) {
    if (!has_header_) {
        takeHeader(row);
        return;
    }
    if (!acceptRow(row)) {
        ++skipped_rows_;
        return;
    }
    std::span<const std::string_view> cells = row.fields;
    if (cells.size() != header_.size()) {
        padded_.assign(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), header_.size())));
        padded_.resize(header_.size());
        cells = padded_;
    }
    ++rows_;
    if (!types_known_) {
        bufferSampleRow(cells);
        if (sample_rows_ >= options_.inference_rows) inferColumns();
        return;
    }
    for (std::size_t c = 0; c < cells.size(); ++c) builder_.column(c).appendText(cells[c]);
}

void CsvReader::takeHeader(const CsvRow& row) {
    has_header_ = true;
    // Duplicate headers get a suffix so every column can be named in a filter or sort.
    // Linear: a set of names taken and, per name, the next suffix to try (a crafted
    // header of 200k equal names must not cost 200k^2 comparisons).
    std::unordered_set<std::string> taken;
    std::unordered_map<std::string, int> next_suffix;
    taken.reserve(row.fields.size());
    header_.reserve(row.fields.size());
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        std::string name(row.fields[i]);
        if (name.empty()) name = "Column " + std::to_string(i + 1);
        std::string unique = name;
        if (taken.count(unique)) {
            int& n = next_suffix.try_emplace(name, 2).first->second;
            do unique = name + " (" + std::to_string(n++) + ")";
            while (taken.count(unique));
        }
        taken.insert(unique);
        header_.push_back(std::move(unique));
    }
}

bool CsvReader::acceptRow(const CsvRow& row) {
    bool bad = row.fields.size() != header_.size() || row.unterminated_quote || row.stray_quote;
    if (!bad) return true;
    bool keep = options_.bad_rows == BadRowPolicy::Keep;
    // One bad line, one issue: a row cut at an open quote is short by nature, so
    // it is reported as the open quote only, not also as ragged.
    if (row.unterminated_quote)
        addIssue(CsvIssueKind::UnterminatedQuote, row, keep);
    else if (row.fields.size() != header_.size())
        addIssue(CsvIssueKind::RaggedRow, row, keep);
    if (row.stray_quote) addIssue(CsvIssueKind::StrayQuote, row, keep);
    return keep;
}

void CsvReader::addIssue(CsvIssueKind kind, const CsvRow& row, bool kept) {
    ++issue_count_;
    if (issues_.size() >= options_.max_issues_kept) return;
    CsvIssue issue;
    issue.kind = kind;
    issue.line = row.line;
    issue.fields = row.fields.size();
    issue.row_kept = kept;
    issue.message = describeIssue(kind, row.line, row.fields.size(), header_.size(), kept);
    issues_.push_back(std::move(issue));
}

void CsvReader::bufferSampleRow(std::span<const std::string_view> cells) {
    for (std::string_view cell : cells) {
        sample_arena_.append(cell);
        sample_ends_.push_back(static_cast<std::uint32_t>(sample_arena_.size()));
    }
    ++sample_rows_;
}

std::string_view CsvReader::sampleCell(std::size_t row, std::size_t column) const {
    std::size_t index = row * header_.size() + column;
    std::size_t begin = index == 0 ? 0 : sample_ends_[index - 1];
    return std::string_view(sample_arena_).substr(begin, sample_ends_[index] - begin);
}

void CsvReader::inferColumns() {
    for (std::size_t c = 0; c < header_.size(); ++c) {
        bool any = false, can_date = true, can_int = true, can_dec = true;
        const bool text_header = isTextHeader(header_[c]);
        std::size_t rows_to_check = text_header ? 0 : sample_rows_;
        std::string reason;
        for (std::size_t r = 0; r < rows_to_check; ++r) {
            std::string_view cell = sampleCell(r, c);
            if (cell.empty()) continue;
            any = true;
            std::int64_t units = 0;
            std::int32_t days = 0;
            int scale = 0;
            bool is_int = integerFromCell(cell, units) || isWideIntegerCell(cell);
            can_int = can_int && is_int;
            Int128 wide = 0;
            can_dec = can_dec && (is_int || decimalFromCell(cell, units, scale) || wideFromCell(cell, wide, scale));
            can_date = can_date && daysFromCell(cell, days);
            if (!can_int && !can_dec && !can_date) {
                reason = textReasonFromCell(cell, r + 1);
                break;
            }
        }
        ColumnType type = !any        ? ColumnType::Text
                          : can_date ? ColumnType::Date
                          : can_int  ? ColumnType::Integer
                          : can_dec  ? ColumnType::Decimal
                                     : ColumnType::Text;
        builder_.addColumn(header_[c], type);
        if (text_header) reason = "Read as text: its header names an ID or a name, which is never totalled.";
        else if (!any && sample_rows_ > 0)
            reason = "Read as text: the first " + std::to_string(sample_rows_) + " rows hold no value here.";
        if (type == ColumnType::Text) builder_.column(c).setTextReason(std::move(reason));
    }
    reserveRows();
    for (std::size_t r = 0; r < sample_rows_; ++r) {
        for (std::size_t c = 0; c < header_.size(); ++c) builder_.column(c).appendText(sampleCell(r, c));
    }
    sample_arena_ = {};
    sample_ends_ = {};
    sample_rows_ = 0;
    types_known_ = true;
}

// Sizes the columns once for the rows the file will hold, so they do not regrow
// (each regrowth holds the old and the new copy at once: the page's peak memory).
// The rows are guessed from the sampled rows' size, their cells plus a separator
// or line end each (not from the bytes fed so far: a chunk runs past the sample).
// At most the file's size in column memory: a crafted file whose first rows are
// tiny must not make the page take gigabytes.
void CsvReader::reserveRows() {
    if (options_.expected_bytes == 0 || sample_rows_ == 0) return;
    const double bytes_per_row =
        static_cast<double>(sample_arena_.size() + sample_ends_.size()) / static_cast<double>(sample_rows_);
    double row_bytes = 0;  // what a row takes in the columns
    for (std::size_t c = 0; c < header_.size(); ++c) {
        row_bytes += builder_.column(c).type() == ColumnType::Text || builder_.column(c).type() == ColumnType::Date
                         ? 4 : 8;
    }
    const double expected = static_cast<double>(options_.expected_bytes);
    const double rows = std::min(expected / bytes_per_row * 1.05, expected / std::max(row_bytes, 1.0));
    reserved_rows_ = static_cast<std::size_t>(rows);
    builder_.reserve(reserved_rows_);
}

Result<Table> tableFromCsv(std::string_view text, CsvReadOptions options, std::vector<CsvIssue>* issues) {
    CsvReader reader(options);
    reader.feed(text);
    Result<Table> table = reader.finish();
    if (issues) *issues = reader.issues();
    return table;
}

}  // namespace ud::core
