// false: does nothing, unsuccessfully (exit status 1; operands are ignored).
int main() { return 1; }
