// Persistence as a two-call seam: localStorage in the page, a map in tests.
// Only what the user chose to keep goes here; passwords never do.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace ud::platform {

class KeyValueStore {
public:
    virtual ~KeyValueStore() = default;
    virtual std::optional<std::string> get(const std::string& key) const = 0;
    // False when the store refused the write (localStorage full, blocked, private mode).
    [[nodiscard]] virtual bool set(const std::string& key, const std::string& value) = 0;
    virtual void remove(const std::string& key) = 0;
};

class MemoryStore : public KeyValueStore {
public:
    std::optional<std::string> get(const std::string& key) const override {
        auto it = values_.find(key);
        if (it == values_.end()) return std::nullopt;
        return it->second;
    }
    bool set(const std::string& key, const std::string& value) override {
        if (fail_writes) return false;
        values_[key] = value;
        return true;
    }
    void remove(const std::string& key) override { values_.erase(key); }
    const std::map<std::string, std::string>& all() const { return values_; }
    bool fail_writes = false;  // tests: a full or blocked storage

private:
    std::map<std::string, std::string> values_;
};

}  // namespace ud::platform
