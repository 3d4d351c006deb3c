// A value or a human-readable reason it could not be produced. The engine runs
// as a subprocess and only reports failures in report.json and on stderr, so a
// message string is all an error needs to carry.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace bitmarket::reconstruct {

struct Failure {
    std::string message;
};

template <typename T> class [[nodiscard]] Expected {
public:
    Expected(T value) : m_state(std::move(value)) {}
    Expected(Failure failure) : m_state(std::move(failure)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const std::string& error() const { return std::get<Failure>(m_state).message; }

private:
    std::variant<T, Failure> m_state;
};

} // namespace bitmarket::reconstruct
