// Finding report roles in a table from headers and values; see column_roles.h.
#include "core/table/column_roles.h"

#include <string>

namespace ud::core {
namespace {

bool isDeviceIdKey(std::string_view key) { return key == "deviceid" || key == "device" || key == "coreid"; }
bool isDeviceNameKey(std::string_view key) { return key == "devicename"; }
bool isProductIdKey(std::string_view key) { return key == "productid"; }
bool isProductNameKey(std::string_view key) { return key == "productname" || key == "product"; }
bool isCountKey(std::string_view key) {
    return key.find("operations") != std::string_view::npos || key.find("dataops") != std::string_view::npos;
}

// Every non-empty value of a Text column is a 24-hex device id (dictionary scan).
bool holdsDeviceIds(const Column& c) {
    if (c.type() != ColumnType::Text || c.dictionarySize() < 2) return false;
    for (std::uint32_t code = 1; code < c.dictionarySize(); ++code) {
        if (!isDeviceIdText(c.dictionaryText(code))) return false;
    }
    return true;
}

}  // namespace

bool isDeviceIdText(std::string_view text) {
    if (text.size() != 24) return false;
    for (char ch : text) {
        bool hex = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
        if (!hex) return false;
    }
    return true;
}

bool isTextHeader(std::string_view header) {
    std::string key = headerKey(header);
    return isDeviceIdKey(key) || isDeviceNameKey(key) || key == "productname" || key == "name";
}

const char* displayNameFromRole(ColumnRole role) {
    switch (role) {
        case ColumnRole::Date: return "Date";
        case ColumnRole::DeviceId: return "Device ID";
        case ColumnRole::DeviceName: return "Device name";
        case ColumnRole::ProductId: return "Product ID";
        case ColumnRole::ProductName: return "Product name";
        case ColumnRole::Count: return "Data operations";
        case ColumnRole::None: break;
    }
    return "";
}

ReportColumns reportColumnsFromTable(const Table& table) {
    ReportColumns r;
    std::optional<std::size_t> first_date, hex_ids;
    for (std::size_t i = 0; i < table.columnCount(); ++i) {
        const Column& c = table.column(i);
        std::string key = headerKey(c.name());
        bool is_text = c.type() == ColumnType::Text;
        if (c.type() == ColumnType::Date) {
            if (!first_date) first_date = i;
            bool named_date = key.find("date") != std::string::npos || key.find("day") != std::string::npos;
            if (named_date && !r.date) r.date = i;
        } else if (isDeviceIdKey(key) && is_text && !r.device_id) {
            r.device_id = i;
        } else if (isDeviceNameKey(key) && !r.device_name) {
            r.device_name = i;
        } else if (isProductIdKey(key) && !r.product_id) {
            r.product_id = i;
        } else if (isProductNameKey(key) && !r.product_name) {
            // "product" holding numbers is the product id, holding text its name.
            if (is_text) r.product_name = i;
            else if (!r.product_id) r.product_id = i;
        } else if (c.isNumeric() && isCountKey(key) && !r.count) {
            r.count = i;
        } else if (!hex_ids && holdsDeviceIds(c)) {
            hex_ids = i;
        }
    }
    if (!r.date) r.date = first_date;
    if (!r.device_id) r.device_id = hex_ids;
    return r;
}

ReportColumns applyReportRoles(Table& table) {
    ReportColumns r = reportColumnsFromTable(table);
    auto apply = [&](std::optional<std::size_t> column, ColumnRole role) {
        if (!column) return;
        table.setRole(*column, role);
        table.setDisplayName(*column, displayNameFromRole(role));
    };
    apply(r.date, ColumnRole::Date);
    apply(r.device_id, ColumnRole::DeviceId);
    apply(r.device_name, ColumnRole::DeviceName);
    apply(r.product_id, ColumnRole::ProductId);
    apply(r.product_name, ColumnRole::ProductName);
    apply(r.count, ColumnRole::Count);
    return r;
}

}  // namespace ud::core
