// true: does nothing, successfully (operands are ignored, as POSIX says).
int main() { return 0; }
