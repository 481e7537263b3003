"""A tiny stack-based virtual machine and an assembler for its text format.

A program is a list of (opcode, argument) pairs; argument is None for opcodes
that take none. Binary operations pop b, then a, and push (a op b).
"""

BINARY = ("add", "sub", "mul", "div", "mod", "lt", "eq")
NO_ARG = BINARY + ("pop", "dup", "swap", "print", "ret", "halt")
WITH_ARG = ("push", "jmp", "jz", "jnz", "call", "load", "store")
JUMPS = ("jmp", "jz", "jnz", "call")


class VMError(Exception):
    pass


def _binary(op, a, b):
    if op == "add":
        return a + b
    if op == "sub":
        return a - b
    if op == "mul":
        return a * b
    if op == "lt":
        return 1 if a < b else 0
    if op == "eq":
        return 1 if a == b else 0
    if b == 0:
        raise VMError("division by zero")
    return a // b if op == "div" else a % b


class VM:
    def __init__(self, program, max_steps):
        self.program = program
        self.max_steps = max_steps
        self.stack = []
        self.frames = []
        self.vars = {}
        self.output = []
        self.pc = 0
        self.steps = 0
        self.halted = False

    def _pop(self):
        if not self.stack:
            raise VMError("stack underflow at " + str(self.pc))
        return self.stack.pop()

    def _jump(self, target):
        if target < 0 or target > len(self.program):
            raise VMError("bad jump target " + str(target))
        self.pc = target

    def step(self):
        """Execute one instruction; False once the machine has stopped."""
        if self.halted or self.pc >= len(self.program):
            self.halted = True
            return False
        self.steps += 1
        if self.steps > self.max_steps:
            raise VMError("step limit exceeded")
        op, arg = self.program[self.pc]
        next_pc = self.pc + 1
        if op in BINARY:
            b = self._pop()
            a = self._pop()
            self.stack.append(_binary(op, a, b))
        elif op == "push":
            self.stack.append(arg)
        elif op == "pop":
            self._pop()
        elif op == "dup":
            value = self._pop()
            self.stack.extend([value, value])
        elif op == "swap":
            b = self._pop()
            a = self._pop()
            self.stack.extend([b, a])
        elif op == "print":
            self.output.append(self._pop())
        elif op == "load":
            if arg not in self.vars:
                raise VMError("undefined variable " + arg)
            self.stack.append(self.vars[arg])
        elif op == "store":
            self.vars[arg] = self._pop()
        elif op == "halt":
            self.halted = True
            return False
        elif op == "ret":
            if not self.frames:
                raise VMError("return outside a call")
            next_pc = self.frames.pop()
        else:
            taken = op == "jmp" or op == "call"
            if op == "jz" or op == "jnz":
                taken = (self._pop() == 0) == (op == "jz")
            if op == "call":
                self.frames.append(next_pc)
            if taken:
                self._jump(arg)
                return True
        self.pc = next_pc
        return True

    def run(self):
        while self.step():
            pass
        return self.output


def assemble(text):
    """Translate lines like 'push 3', 'loop:' and 'jz loop' ('#' starts a comment)."""
    lines = []
    labels = {}
    for raw in text.split("\n"):
        line = raw.split("#")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(lines)
            continue
        lines.append(line.split())
    program = []
    for parts in lines:
        op = parts[0]
        if op in NO_ARG and len(parts) == 1:
            program.append((op, None))
        elif op in WITH_ARG and len(parts) == 2:
            arg = parts[1]
            if op == "push":
                arg = int(arg)
            elif op in JUMPS:
                if arg not in labels:
                    raise ValueError("unknown label " + arg)
                arg = labels[arg]
            program.append((op, arg))
        else:
            raise ValueError("bad instruction " + " ".join(parts))
    return program


def run_program(text, max_steps):
    return VM(assemble(text), max_steps).run()
