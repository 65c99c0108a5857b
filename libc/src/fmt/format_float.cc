// Floating conversions of the printf engine: %f %e %g from an exact decimal
// expansion (so every precision is correctly rounded, ties to even), %a from
// the bits. inf and nan are spelled as C17 7.21.6.1 asks.
#include "libc/src/fmt/convert.h"
#include "libc/src/fmt/decimal.h"

namespace qrv::fmt {
namespace {

constexpr u128 kOne = 1;

int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }
int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }

// Writes |e| in decimal, at least `min_digits` digits, into buf; returns its length.
size_t exponent_digits(int64_t e, size_t min_digits, char* buf) {
  uint64_t v = static_cast<uint64_t>(e < 0 ? -e : e);
  char tmp[24];
  size_t n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < min_digits) tmp[n++] = '0';
  for (size_t i = 0; i < n; ++i) buf[i] = tmp[n - 1 - i];
  return n;
}

// Keeps `sig` significant digits; absorbs a carry that adds a digit.
void round_significant(Decimal& d, int64_t sig) {
  const int64_t nd = d.num_digits();
  if (nd > sig) d.drop_digits_rounded(static_cast<int32_t>(nd - sig));
  if (d.num_digits() > sig) d.drop_digits_rounded(1);
}

// %f body: d is already rounded so that it has no digit below 10^-prec.
void emit_fixed(Sink& out, const Spec& spec, const Decimal& d, int64_t prec, char sign,
                bool strip) {
  const int64_t e = d.exp10();
  const int64_t nd = d.num_digits();
  const int64_t f = d.is_zero() ? 0 : max64(0, -e);  // fraction digits held by d
  int64_t frac_len = prec;
  if (strip) frac_len = f > 0 ? f - min64(d.trailing_zero_digits(), f) : 0;
  const bool point = frac_len > 0 || spec.alt;
  const bool int_zero = d.is_zero() || nd <= f;
  const int64_t int_len = int_zero ? 1 : nd - f + max64(e, 0);
  const int64_t len = (sign != 0) + int_len + point + frac_len;
  pad_start(out, spec, len, &sign, sign != 0, true);
  if (int_zero) {
    out.put_char('0');
  } else {
    d.write_digits(out, nd, f);
    out.fill('0', max64(e, 0));
  }
  if (point) out.put_char('.');
  const int64_t from_d = min64(f, frac_len);
  d.write_digits(out, f, f - from_d);
  out.fill('0', frac_len - from_d);
  pad_end(out, spec, len);
}

// %e body: d holds at most prec + 1 digits; x is the decimal exponent.
void emit_exponential(Sink& out, const Spec& spec, const Decimal& d, int64_t prec, int64_t x,
                      char sign, bool strip, bool upper) {
  const int64_t nd = d.is_zero() ? 1 : d.num_digits();
  int64_t frac_len = prec;
  if (strip) frac_len = d.is_zero() ? 0 : max64(0, nd - 1 - d.trailing_zero_digits());
  const bool point = frac_len > 0 || spec.alt;
  char exp_buf[28];
  exp_buf[0] = upper ? 'E' : 'e';
  exp_buf[1] = x < 0 ? '-' : '+';
  const size_t exp_len = 2 + exponent_digits(x, 2, exp_buf + 2);
  const int64_t len = (sign != 0) + 1 + point + frac_len + static_cast<int64_t>(exp_len);
  pad_start(out, spec, len, &sign, sign != 0, true);
  d.write_digits(out, nd, nd - 1);
  if (point) out.put_char('.');
  const int64_t from_d = min64(nd - 1, frac_len);
  d.write_digits(out, nd - 1, nd - 1 - from_d);
  out.fill('0', frac_len - from_d);
  out.write(exp_buf, exp_len);
  pad_end(out, spec, len);
}

void format_decimal(Sink& out, const Spec& spec, const FloatParts& v, char sign, uint32_t* scratch,
                    int32_t scratch_limbs) {
  Decimal d(scratch, scratch_limbs);
  d.assign(v.cls == FloatClass::kZero ? 0 : v.mant, v.exp);
  const char conv = static_cast<char>(spec.conv | 0x20);
  const bool upper = spec.conv != conv;
  int64_t prec = spec.precision < 0 ? 6 : spec.precision;
  if (conv == 'f') {
    if (!d.is_zero() && d.exp10() < -prec) {
      d.drop_digits_rounded(static_cast<int32_t>(-prec - d.exp10()));
    }
    emit_fixed(out, spec, d, prec, sign, false);
    return;
  }
  if (conv == 'g' && prec == 0) prec = 1;
  const int64_t sig = conv == 'g' ? prec : prec + 1;
  int64_t x = 0;
  if (!d.is_zero()) {
    round_significant(d, sig);
    x = d.exp10() + d.num_digits() - 1;
  }
  if (conv == 'e') {
    emit_exponential(out, spec, d, prec, x, sign, false, upper);
  } else if (prec > x && x >= -4) {
    // Rounding to `prec` significant digits is rounding at 10^-(prec-1-x).
    emit_fixed(out, spec, d, prec - 1 - x, sign, !spec.alt);
  } else {
    emit_exponential(out, spec, d, prec - 1, x, sign, !spec.alt, upper);
  }
}

void format_hex(Sink& out, const Spec& spec, const FloatParts& v, const FloatFormat& f, char sign,
                bool upper) {
  const char* const alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  const int32_t fn = (f.mant_bits - f.hex_lead_bits + 3) / 4;  // fraction nibbles
  const bool zero = v.cls == FloatClass::kZero;
  u128 m = zero ? 0 : v.mant;
  int64_t e = zero ? 0 : int64_t{v.exp} + 4 * fn;
  int64_t prec = spec.precision;
  if (prec < 0) {
    prec = fn;
    while (prec > 0 && ((m >> (4 * (fn - prec))) & 0xf) == 0) --prec;
  }
  int32_t frac_nibbles = fn;
  if (prec < fn) {
    const int32_t shift = 4 * (fn - static_cast<int32_t>(prec));
    const u128 rem = m & ((kOne << shift) - 1);
    const u128 half = kOne << (shift - 1);
    m >>= shift;
    if (rem > half || (rem == half && (m & 1) != 0)) ++m;
    frac_nibbles = static_cast<int32_t>(prec);
  }
  uint32_t lead = static_cast<uint32_t>(m >> (4 * frac_nibbles));
  if (lead >= 16) {  // x87 0xf.fp+0 rounded up: renormalise as glibc does
    lead = 1;
    e += 4;
  }
  const bool point = prec > 0 || spec.alt;
  char exp_buf[28];
  exp_buf[0] = upper ? 'P' : 'p';
  exp_buf[1] = e < 0 ? '-' : '+';
  const size_t exp_len = 2 + exponent_digits(e, 1, exp_buf + 2);
  char prefix[3];
  size_t prefix_len = 0;
  if (sign != 0) prefix[prefix_len++] = sign;
  prefix[prefix_len++] = '0';
  prefix[prefix_len++] = upper ? 'X' : 'x';
  const int64_t len =
      static_cast<int64_t>(prefix_len) + 1 + point + prec + static_cast<int64_t>(exp_len);
  pad_start(out, spec, len, prefix, prefix_len, true);
  out.put_char(alphabet[lead]);
  if (point) out.put_char('.');
  char nib[32];
  for (int32_t i = 0; i < frac_nibbles; ++i) {
    nib[i] = alphabet[static_cast<uint32_t>(m >> (4 * (frac_nibbles - 1 - i))) & 0xf];
  }
  out.write(nib, static_cast<size_t>(frac_nibbles));
  out.fill('0', prec - frac_nibbles);
  out.write(exp_buf, exp_len);
  pad_end(out, spec, len);
}

}  // namespace

void format_float(Sink& out, const Spec& spec, const FloatParts& v, const FloatFormat& f,
                  uint32_t* scratch, int32_t scratch_limbs) {
  const char sign = sign_char(spec, v.neg);
  const bool upper = (spec.conv & 0x20) == 0;
  if (v.cls == FloatClass::kInf || v.cls == FloatClass::kNan) {
    const char* body =
        v.cls == FloatClass::kInf ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
    const int64_t len = (sign != 0) + 3;
    pad_start(out, spec, len, &sign, sign != 0, false);
    out.write(body, 3);
    pad_end(out, spec, len);
    return;
  }
  if ((spec.conv | 0x20) == 'a') {
    format_hex(out, spec, v, f, sign, upper);
  } else {
    format_decimal(out, spec, v, sign, scratch, scratch_limbs);
  }
}

}  // namespace qrv::fmt
