"""The programs of the default boot image (taskman:boot_image), by their name in /proc/boot.

Adding a program is one line here: taskman_boot's expectations (the entry
count and one " /proc/boot/<name>" line each, in this order, the order the
image and taskman's listing have) are computed from it.
"""

BOOT_PROGRAMS = {
    "[": "//user/utils:test",
    "cat": "//user/utils:cat",
    "cut": "//user/utils:cut",
    "date": "//user/utils:date",
    "devc-ser16550": "//user/drivers/devc-ser16550",
    "devc-sersifive": "//user/drivers/devc-sersifive",
    "devnull": "//user/servers:devnull",
    "echo": "//user/utils:echo",
    "env": "//user/utils:env",
    "false": "//user/utils:false",
    "grep": "//user/utils:grep",
    "head": "//user/utils:head",
    "hello": "//user/init:hello",
    "init": "//user/init:init",
    "kill": "//user/utils:kill",
    "ls": "//user/utils:ls",
    "on": "//user/utils:on",
    "pidin": "//user/utils:pidin",
    "pipe": "//user/servers:pipe",
    "printf": "//user/utils:printf",
    "qsh": "//user/qsh",
    "seq": "//user/utils:seq",
    "shutdown": "//user/utils:shutdown",
    "sleep": "//user/utils:sleep",
    "slay": "//user/utils:slay",
    "sort": "//user/utils:sort",
    "tail": "//user/utils:tail",
    "taskman": "//taskman",
    "tee": "//user/utils:tee",
    "test": "//user/utils:test",
    "tr": "//user/utils:tr",
    "true": "//user/utils:true",
    "uname": "//user/utils:uname",
    "uniq": "//user/utils:uniq",
    "uptime": "//user/utils:uptime",
    "waitfor": "//user/utils:waitfor",
    "wc": "//user/utils:wc",
    "yes": "//user/utils:yes",
}

# Files that are not programs (mode 0644), listed after the programs.
BOOT_FILES = {
    "rc": "//user/init:rc",  # init's boot script
}

def boot_listing_expect():
    """What taskman prints of /proc/boot for the default image: the count, then each entry."""
    return ["taskman: /proc/boot: %d entries, " % (len(BOOT_PROGRAMS) + len(BOOT_FILES))] + [
        " /proc/boot/" + name
        for name in list(BOOT_PROGRAMS) + list(BOOT_FILES)
    ]
