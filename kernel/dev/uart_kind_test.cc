// Console driver choice from `compatible`: every known string, unknown ones
// refused (the kind left untouched), null handled.
#include "kernel/dev/uart_kind.h"

#include "gtest/gtest.h"

namespace {

TEST(UartKind, KnownCompatibleStrings) {
  UartKind k = UartKind::kSifiveUart0;
  EXPECT_TRUE(uart_kind_for("ns16550a", &k));
  EXPECT_EQ(k, UartKind::kNs16550a);
  EXPECT_TRUE(uart_kind_for("sifive,uart0", &k));
  EXPECT_EQ(k, UartKind::kSifiveUart0);
  EXPECT_TRUE(uart_kind_for("snps,dw-apb-uart", &k));
  EXPECT_EQ(k, UartKind::kNs16550a);
  EXPECT_TRUE(uart_kind_for("sifive,fu740-c000-uart", &k));
  EXPECT_EQ(k, UartKind::kSifiveUart0);
  EXPECT_STREQ(uart_kind_name(UartKind::kNs16550a), "ns16550a");
  EXPECT_STREQ(uart_kind_name(UartKind::kSifiveUart0), "sifive,uart0");
}

TEST(UartKind, UnknownStringsAreRefused) {
  UartKind k = UartKind::kSifiveUart0;
  EXPECT_FALSE(uart_kind_for("arm,pl011", &k));
  EXPECT_FALSE(uart_kind_for("ns16550ax", &k));
  EXPECT_FALSE(uart_kind_for("sifive,uart", &k));
  EXPECT_FALSE(uart_kind_for("", &k));
  EXPECT_FALSE(uart_kind_for(nullptr, &k));
  EXPECT_EQ(k, UartKind::kSifiveUart0);
}

}  // namespace
