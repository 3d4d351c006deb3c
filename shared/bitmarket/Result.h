// A value or an ApiError: how errors cross layers without exceptions.
#pragma once

#include "bitmarket/ApiError.h"

#include <utility>
#include <variant>

namespace bitmarket {

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(ApiError error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const ApiError& error() const { return std::get<ApiError>(m_state); }

private:
    std::variant<T, ApiError> m_state;
};

struct Done {};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Done) {}
    Result(ApiError error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const ApiError& error() const { return m_error; }

private:
    ApiError m_error;
    bool m_ok = true;
};

} // namespace bitmarket

// Moves the value of a Result expression into `target`, or returns its error
// from the enclosing function (which must return a Result or an ApiError).
#define BITMARKET_TRY(target, expr)                                                                \
    do {                                                                                           \
        auto bitmarketTried_ = (expr);                                                             \
        if (!bitmarketTried_)                                                                      \
            return bitmarketTried_.error();                                                        \
        target = std::move(bitmarketTried_).value();                                               \
    } while (false)
