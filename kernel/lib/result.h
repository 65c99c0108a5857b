// Errors as values: a Status code and Result<T> (a value or a Status), plus
// QRV_TRY to propagate failures. Freestanding: builds for the board and host.
#pragma once

#include <cstdint>
#include <utility>

enum class Status : int32_t {
  kOk = 0,
  kNoMemory,         // an allocation (physical quanta, table page) failed
  kInvalidArgument,  // misaligned, zero-length, bad protection, ...
  kOutOfRange,       // address outside the managed/addressable range
  kBusy,             // the requested range is (partly) in use
  kAlreadyMapped,    // a map request overlaps an existing mapping
  kNotMapped,        // an operation needs a mapping that is not there
};

constexpr const char* status_name(Status s) {
  switch (s) {
    case Status::kOk: return "ok";
    case Status::kNoMemory: return "no memory";
    case Status::kInvalidArgument: return "invalid argument";
    case Status::kOutOfRange: return "out of range";
    case Status::kBusy: return "busy";
    case Status::kAlreadyMapped: return "already mapped";
    case Status::kNotMapped: return "not mapped";
  }
  return "unknown status";
}

// A value of T, or the Status saying why there is none. T must be
// default-constructible (kernel value types are plain structs).
template <typename T>
class [[nodiscard]] Result {
 public:
  constexpr Result(T value) : value_(std::move(value)), status_(Status::kOk) {}  // NOLINT
  constexpr Result(Status status) : value_(), status_(status) {}               // NOLINT

  constexpr bool ok() const { return status_ == Status::kOk; }
  constexpr Status status() const { return status_; }
  constexpr const T& value() const { return value_; }
  constexpr T& value() { return value_; }
  constexpr const T& operator*() const { return value_; }
  constexpr const T* operator->() const { return &value_; }

 private:
  T value_;
  Status status_;
};

// Evaluates a Status or Result expression and returns its Status early from
// the enclosing function if it is not kOk.
#define QRV_TRY(expr)                                     \
  do {                                                    \
    const Status qrv_try_status_ = qrv_status_of((expr)); \
    if (qrv_try_status_ != Status::kOk) {                 \
      return qrv_try_status_;                             \
    }                                                     \
  } while (0)

constexpr Status qrv_status_of(Status s) { return s; }
template <typename T>
constexpr Status qrv_status_of(const Result<T>& r) {
  return r.status();
}
