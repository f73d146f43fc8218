using System.Numerics;
using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>
/// An append-only list stored in chunks that are never copied or moved: chunk <c>k</c> holds
/// <c>MinChunk · 2^k</c> items until the chunks reach <see cref="MaxChunk"/> items, then every chunk holds that many.
/// </summary>
/// <remarks>
/// The ledger keeps everything it ever wrote. A <see cref="List{T}"/> that doubles copies its items at each growth
/// and leaves the old arrays to the collector (and, past 85,000 bytes, to the large-object heap); here a small list
/// costs no more than a small list, and a large one grows a chunk at a time without touching what it holds.
/// Indexing is a few arithmetic operations. Not thread-safe; the ledger's lock guards it.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ChunkedList<T>
{
    private const int MinChunkShift = 3;
    private const int MinChunk = 1 << MinChunkShift;
    private const int MaxChunkShift = 12;
    private const int MaxChunk = 1 << MaxChunkShift;

    // The doubling chunks (MinChunk, 2·MinChunk, …, MaxChunk) and the items they hold together.
    private const int DoublingCount = MaxChunkShift - MinChunkShift + 1;
    private const int DoublingCapacity = MinChunk * ((1 << DoublingCount) - 1);

    private T[][] _chunks = new T[4][];
    private int _chunkCount;
    private T[]? _last;
    private int _lastUsed;

    /// <summary>How many items it holds.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, TimeBankMessages.Format("ExpectedIndex", Count - 1));
            }

            if (index < DoublingCapacity)
            {
                // Chunk k starts at MinChunk · (2^k − 1).
                var k = BitOperations.Log2((uint)(index / MinChunk) + 1);
                return ref _chunks[k][index - (MinChunk * ((1 << k) - 1))];
            }

            var rest = index - DoublingCapacity;
            return ref _chunks[DoublingCount + (rest >> MaxChunkShift)][rest & (MaxChunk - 1)];
        }
    }

    /// <summary>The last item; the list must not be empty.</summary>
    public ref T Last => ref _last![_lastUsed - 1];

    /// <summary>
    /// Reads the slot the next <see cref="Add"/> writes (or the list's chunk table when the last chunk is full), so that
    /// its cache line is loaded before it is needed; returns a value made from it so the read is kept.
    /// </summary>
    public int Peek() => _last is { } last && _lastUsed < last.Length
        ? System.Runtime.CompilerServices.Unsafe.As<T, byte>(ref last[_lastUsed])
        : _chunkCount;

    /// <summary>Appends an item.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        if (_last is null || _lastUsed == _last.Length)
        {
            NewChunk();
        }

        _last![_lastUsed++] = item;
        Count++;
    }

    /// <summary>Copies <paramref name="count"/> items from <paramref name="start"/> into a new array.</summary>
    /// <param name="start">The first item's index.</param>
    /// <param name="count">How many.</param>
    /// <returns>The items.</returns>
    public T[] ToArray(int start, int count)
    {
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = this[start + i];
        }

        return items;
    }

    private void NewChunk()
    {
        var size = _chunkCount < DoublingCount ? MinChunk << _chunkCount : MaxChunk;
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }

        _last = new T[size];
        _chunks[_chunkCount++] = _last;
        _lastUsed = 0;
    }
}
