"""String and dict work: word counting, joining, formatting."""


def count_words(text):
    counts = {}
    for word in text.split():
        word = word.strip('.,').lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


text = ' '.join(f'word{i % 97} Other{i % 13}.' for i in range(20_000))
total = 0
for _ in range(60):
    counts = count_words(text)
    total += len(counts)
    report = ', '.join(f'{k}={v}' for k, v in sorted(counts.items())[:10])
print(total, report)
