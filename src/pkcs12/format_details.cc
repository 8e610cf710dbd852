// kstore::FormatDetails over the PKCS#12 bag details (pkcs12/bag_details.h).
#include "kstore/format_details.h"

#include "pkcs12/bag_details.h"

namespace kstore {
namespace detail {

FormatDetails FormatDetailsAccess::from_pkcs12(Pkcs12BagDetails details) {
  FormatDetails out;
  if (!details.local_key_id.empty() || !details.trusted_key_usages.empty() || !details.other_attributes.empty())
    out.pkcs12_ = std::make_shared<const Pkcs12BagDetails>(std::move(details));
  return out;
}

}  // namespace detail

namespace {

using detail::FormatDetailsAccess;
using detail::Pkcs12BagDetails;

// A copy of the details with `change` applied.
template <typename Change>
FormatDetails changed(const FormatDetails& details, Change change) {
  const Pkcs12BagDetails* p = FormatDetailsAccess::pkcs12(details);
  if (p == nullptr) return details;
  Pkcs12BagDetails copy = *p;
  change(copy);
  return FormatDetailsAccess::from_pkcs12(std::move(copy));
}

}  // namespace

ByteView FormatDetails::local_key_id() const { return pkcs12_ ? ByteView(pkcs12_->local_key_id) : ByteView(); }

const std::vector<Bytes>& FormatDetails::trusted_key_usages() const {
  static const std::vector<Bytes> kNone;
  return pkcs12_ ? pkcs12_->trusted_key_usages : kNone;
}

size_t FormatDetails::other_attribute_count() const { return pkcs12_ ? pkcs12_->other_attributes.size() : 0; }

void FormatDetails::clear_local_key_id() {
  *this = changed(*this, [](Pkcs12BagDetails& d) { d.local_key_id.clear(); });
}

void FormatDetails::clear_trusted_key_usages() {
  *this = changed(*this, [](Pkcs12BagDetails& d) { d.trusted_key_usages.clear(); });
}

FormatDetails FormatDetails::trusted_key_usages_only() const {
  return changed(*this, [](Pkcs12BagDetails& d) { d = Pkcs12BagDetails{{}, std::move(d.trusted_key_usages), {}}; });
}

}  // namespace kstore
