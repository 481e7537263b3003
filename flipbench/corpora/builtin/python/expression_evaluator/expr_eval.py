"""Arithmetic expressions by recursive descent.

Grammar (lowest precedence first):
    expression := term (("+" | "-") term)*
    term       := factor (("*" | "/") factor)*
    factor     := ("-" | "+") factor | power
    power      := primary ("^" factor)?          right-associative
    primary    := number | name | "(" expression ")"
"""

OPERATORS = "+-*/^()"


class ParseError(ValueError):
    def __init__(self, message, position):
        super().__init__(message + " at token " + str(position))
        self.position = position


def tokenize(text):
    """Split text into number, name and operator tokens; spaces are skipped."""
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == " ":
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            number = text[i:j]
            if number.count(".") > 1 or number == ".":
                raise ParseError("bad number " + number, len(tokens))
            tokens.append(number)
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(text[i:j])
            i = j
        elif ch in OPERATORS:
            tokens.append(ch)
            i += 1
        else:
            raise ParseError("unexpected character " + ch, len(tokens))
    return tokens


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        if self.pos < len(self.tokens):
            return self.tokens[self.pos]
        return None

    def take(self):
        token = self.peek()
        self.pos += 1
        return token

    def expression(self):
        node = self.term()
        while self.peek() == "+" or self.peek() == "-":
            op = self.take()
            node = (op, node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek() == "*" or self.peek() == "/":
            op = self.take()
            node = (op, node, self.factor())
        return node

    def factor(self):
        if self.peek() == "-":
            self.take()
            return ("neg", self.factor())
        if self.peek() == "+":
            self.take()
            return self.factor()
        return self.power()

    def power(self):
        base = self.primary()
        if self.peek() == "^":
            self.take()
            return ("^", base, self.factor())
        return base

    def primary(self):
        token = self.take()
        if token == "(":
            node = self.expression()
            if self.take() != ")":
                raise ParseError("expected )", self.pos - 1)
            return node
        if token is None or token in OPERATORS:
            raise ParseError("unexpected " + str(token), self.pos - 1)
        if token[0].isdigit() or token[0] == ".":
            return ("num", float(token) if "." in token else int(token))
        return ("var", token)


def parse(text):
    """Parse text into a tree of tuples; the whole input must be consumed."""
    parser = _Parser(tokenize(text))
    tree = parser.expression()
    if parser.pos < len(parser.tokens):
        raise ParseError("unexpected " + parser.tokens[parser.pos], parser.pos)
    return tree


def _divide(left, right):
    if right == 0:
        raise ZeroDivisionError("division by zero")
    # Keep integer results exact when the division has no remainder.
    if isinstance(left, int) and isinstance(right, int) and left % right == 0:
        return left // right
    return left / right


def evaluate_tree(node, variables):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in variables:
            raise NameError("unknown name " + node[1])
        return variables[node[1]]
    if kind == "neg":
        return -evaluate_tree(node[1], variables)
    left = evaluate_tree(node[1], variables)
    right = evaluate_tree(node[2], variables)
    if kind == "+":
        return left + right
    if kind == "-":
        return left - right
    if kind == "*":
        return left * right
    if kind == "/":
        return _divide(left, right)
    return left ** right


def evaluate(text, variables=None):
    return evaluate_tree(parse(text), variables if variables is not None else {})


def to_string(node):
    """Fully parenthesised form of a tree, e.g. (1 + (2 * 3))."""
    kind = node[0]
    if kind == "num" or kind == "var":
        return str(node[1])
    if kind == "neg":
        return "(-" + to_string(node[1]) + ")"
    return "(" + to_string(node[1]) + " " + kind + " " + to_string(node[2]) + ")"
