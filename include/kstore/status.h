// Errors as values: Status and Result<T>. Nothing thrown crosses the public API.
#pragma once

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace kstore {

enum class ErrorCode : uint8_t {
  kOk = 0,
  kMalformed,         // bytes do not follow the format's grammar
  kTruncated,         // the data ends before a structure it announces: most likely a file cut short
  kUnknownFormat,     // not a keystore kstore recognises
  kIntegrityFailure,  // store password wrong or file tampered with: undecidable
  kBadPassword,       // key password wrong; the bytes are proven intact
  kUnsupported,       // well-formed, but an algorithm/feature kstore does not implement (names the OID)
  kLimitExceeded,     // the input asks for more work or memory than Limits allow
  kNotFound,
  kAlreadyExists,
  kInvalidArgument,
  kIo,
  kBackend,           // a crypto backend failed in a way that is not the input's fault
  kInternal,
};

const char* error_code_name(ErrorCode code);

// A length beyond this (the default Limits::max_file_size, 1 GiB) is a
// wrong length, never a file cut short: no keystore file holds that much.
inline constexpr uint64_t kLargestPlausibleLength = uint64_t{1} << 30;

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  template <typename... Parts> static Status Malformed(Parts&&... p) { return Make(ErrorCode::kMalformed, p...); }
  template <typename... Parts> static Status Truncated(Parts&&... p) { return Make(ErrorCode::kTruncated, p...); }
  template <typename... Parts> static Status UnknownFormat(Parts&&... p) { return Make(ErrorCode::kUnknownFormat, p...); }
  template <typename... Parts> static Status IntegrityFailure(Parts&&... p) { return Make(ErrorCode::kIntegrityFailure, p...); }
  template <typename... Parts> static Status BadPassword(Parts&&... p) { return Make(ErrorCode::kBadPassword, p...); }
  template <typename... Parts> static Status Unsupported(Parts&&... p) { return Make(ErrorCode::kUnsupported, p...); }
  template <typename... Parts> static Status LimitExceeded(Parts&&... p) { return Make(ErrorCode::kLimitExceeded, p...); }
  template <typename... Parts> static Status NotFound(Parts&&... p) { return Make(ErrorCode::kNotFound, p...); }
  template <typename... Parts> static Status AlreadyExists(Parts&&... p) { return Make(ErrorCode::kAlreadyExists, p...); }
  template <typename... Parts> static Status InvalidArgument(Parts&&... p) { return Make(ErrorCode::kInvalidArgument, p...); }
  template <typename... Parts> static Status Io(Parts&&... p) { return Make(ErrorCode::kIo, p...); }
  template <typename... Parts> static Status Backend(Parts&&... p) { return Make(ErrorCode::kBackend, p...); }
  template <typename... Parts> static Status Internal(Parts&&... p) { return Make(ErrorCode::kInternal, p...); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Prefixes context so that a failure reads like a path: "entry 3: certificate 1: truncated".
  template <typename... Parts>
  Status with_context(Parts&&... parts) && {
    if (ok()) return std::move(*this);
    std::ostringstream s;
    (s << ... << parts);
    s << ": " << message_;
    message_ = s.str();
    return std::move(*this);
  }
  template <typename... Parts>
  Status with_context(Parts&&... parts) const& {
    Status copy = *this;
    return std::move(copy).with_context(std::forward<Parts>(parts)...);
  }

  std::string to_string() const;

 private:
  template <typename... Parts>
  static Status Make(ErrorCode code, Parts&&... parts) {
    std::ostringstream s;
    (s << ... << parts);
    return Status(code, s.str());
  }

  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none. A Result made from
// an OK Status would be neither: it becomes kInternal, so that the mistake
// fails where it is made instead of passing as a success without a value.
template <typename T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<std::remove_cv_t<T>, Status>, "a Result<Status> could not tell value from error");
  static_assert(!std::is_reference_v<T>, "a Result holds its value");

 public:
  Result(T value) : v_(std::move(value)) {}                        // NOLINT: implicit by design
  Result(Status status)                                            // NOLINT: implicit by design
      : v_(status.ok() ? Status::Internal("a Result was made from an OK status, without a value")
                       : std::move(status)) {}

  bool ok() const { return v_.index() == 0; }
  const Status& status() const& {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<1>(v_);
  }
  Status status() && { return ok() ? Status() : std::move(std::get<1>(v_)); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  template <typename... Parts>
  Result with_context(Parts&&... parts) && {
    if (ok()) return std::move(*this);
    return Result(std::move(std::get<1>(v_)).with_context(std::forward<Parts>(parts)...));
  }

 private:
  std::variant<T, Status> v_;
};

namespace detail {
inline Status to_status(Status s) { return s; }
template <typename T> Status to_status(Result<T>&& r) { return std::move(r).status(); }
}  // namespace detail

}  // namespace kstore

#define KS_CONCAT_INNER(a, b) a##b
#define KS_CONCAT(a, b) KS_CONCAT_INNER(a, b)

// Evaluates a Status-returning expression and returns it from the caller on failure.
#define KS_TRY(expr)                                        \
  do {                                                      \
    ::kstore::Status ks_try_status_ = (expr);               \
    if (!ks_try_status_.ok()) return ks_try_status_;        \
  } while (0)

// Declares `lhs` from a Result-returning expression, returning the error on failure.
#define KS_ASSIGN_OR_RETURN(lhs, expr) KS_ASSIGN_OR_RETURN_IMPL(KS_CONCAT(ks_result_, __LINE__), lhs, expr)
#define KS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return std::move(tmp).status(); \
  lhs = std::move(tmp).value()
